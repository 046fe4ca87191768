const express = require('express');
const { createProxyMiddleware } = require('http-proxy-middleware');
const proxy = require('express-http-proxy');
const { correlationIdMiddleware } = require('@acme/http-kit');

const app = express();
app.use(correlationIdMiddleware);

app.use('/a', createProxyMiddleware({
  target: 'http://a:3000',
  on: {
    proxyReq: (proxyReq, req) => proxyReq.setHeader('X-Correlation-Id', req.correlationId),
  },
}));
app.use('/b', createProxyMiddleware({ target: 'http://b:3000', headers: { 'x-correlation-id': 'static' } }));
app.use('/c', proxy('http://c:3000', {
  proxyReqOptDecorator(opts, srcReq) {
    opts.headers['x-correlation-id'] = srcReq.correlationId;
    return opts;
  },
}));
