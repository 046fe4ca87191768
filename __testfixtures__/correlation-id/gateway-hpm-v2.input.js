const express = require('express');
const { createProxyMiddleware } = require('http-proxy-middleware');
const services = require('./services.json');

const app = express();

app.use('/orders', createProxyMiddleware({
  target: services.orders,
  changeOrigin: true,
  onProxyReq(proxyReq, req) {
    if (req.user) proxyReq.setHeader('x-user-id', req.user.id);
  },
}));

app.use('/inventory', createProxyMiddleware({
  target: services.inventory,
  pathRewrite: { '^/inventory': '' },
  onError: (err, req, res) => res.status(502).end(),
}));

app.use('/legacy', createProxyMiddleware({
  target: services.legacy,
  onProxyReq: (proxyReq) => proxyReq.setHeader('x-legacy', '1'),
}));

module.exports = app;
