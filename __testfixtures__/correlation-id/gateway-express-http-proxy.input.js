const express = require('express');
const proxy = require('express-http-proxy');

const app = express();

app.use('/catalog', proxy('http://catalog:3000'));

app.use('/cart', proxy(process.env.CART_URL, {
  proxyReqPathResolver: (req) => `/api${req.url}`,
}));

app.use('/checkout', proxy(process.env.CHECKOUT_URL, {
  proxyReqOptDecorator: function (proxyReqOpts, srcReq) {
    proxyReqOpts.headers['x-user'] = srcReq.user && srcReq.user.id;
    return proxyReqOpts;
  },
}));

app.use('/profile', proxy(process.env.PROFILE_URL, {
  proxyReqOptDecorator: (opts) => Object.assign(opts, { timeout: 2000 }),
}));

app.listen(8080);
