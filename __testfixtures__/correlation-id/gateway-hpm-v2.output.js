const express = require('express');
const { createProxyMiddleware } = require('http-proxy-middleware');
const services = require('./services.json');
const { correlationIdMiddleware } = require('./lib/correlation-id');

const app = express();
app.use(correlationIdMiddleware);

app.use('/orders', createProxyMiddleware({
  target: services.orders,
  changeOrigin: true,
  onProxyReq(proxyReq, req) {
    if (req.correlationId) proxyReq.setHeader('x-correlation-id', req.correlationId);
    if (req.user) proxyReq.setHeader('x-user-id', req.user.id);
  },
}));

app.use('/inventory', createProxyMiddleware({
  target: services.inventory,
  pathRewrite: { '^/inventory': '' },
  onError: (err, req, res) => res.status(502).end(),
  onProxyReq: (proxyReq, req) => {
    if (req.correlationId) proxyReq.setHeader('x-correlation-id', req.correlationId);
  },
}));

app.use('/legacy', createProxyMiddleware({
  target: services.legacy,
  onProxyReq: (proxyReq, req) => {
    if (req.correlationId) proxyReq.setHeader('x-correlation-id', req.correlationId);
    return proxyReq.setHeader('x-legacy', '1');
  },
}));

module.exports = app;
