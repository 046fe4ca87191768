const express = require('express');
const proxy = require('express-http-proxy');
const { correlationIdMiddleware } = require('@acme/http-kit');

const app = express();
app.use(correlationIdMiddleware);

app.use('/catalog', proxy('http://catalog:3000', {
  proxyReqOptDecorator: (proxyReqOpts, srcReq) => {
    if (srcReq.correlationId) proxyReqOpts.headers = { ...proxyReqOpts.headers, 'x-correlation-id': srcReq.correlationId };
    return proxyReqOpts;
  },
}));

app.use('/cart', proxy(process.env.CART_URL, {
  proxyReqPathResolver: (req) => `/api${req.url}`,
  proxyReqOptDecorator: (proxyReqOpts, srcReq) => {
    if (srcReq.correlationId) proxyReqOpts.headers = { ...proxyReqOpts.headers, 'x-correlation-id': srcReq.correlationId };
    return proxyReqOpts;
  },
}));

app.use('/checkout', proxy(process.env.CHECKOUT_URL, {
  proxyReqOptDecorator: function (proxyReqOpts, srcReq) {
    if (srcReq.correlationId) proxyReqOpts.headers = { ...proxyReqOpts.headers, 'x-correlation-id': srcReq.correlationId };
    proxyReqOpts.headers['x-user'] = srcReq.user && srcReq.user.id;
    return proxyReqOpts;
  },
}));

app.use('/profile', proxy(process.env.PROFILE_URL, {
  proxyReqOptDecorator: (opts, srcReq) => {
    if (srcReq.correlationId) opts.headers = { ...opts.headers, 'x-correlation-id': srcReq.correlationId };
    return Object.assign(opts, { timeout: 2000 });
  },
}));

app.listen(8080);
