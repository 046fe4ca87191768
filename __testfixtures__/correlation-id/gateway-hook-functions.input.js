const express = require('express');
const { createProxyMiddleware, fixRequestBody } = require('http-proxy-middleware');
const { signRequest } = require('./signing');
const { correlationIdMiddleware } = require('@acme/http-kit');

const app = express();
app.use(correlationIdMiddleware);
app.use(express.json());

function addUserHeaders(proxyReq, req) {
  if (req.user) proxyReq.setHeader('x-user-id', req.user.id);
}

app.use('/orders', createProxyMiddleware({
  target: 'http://orders:3000',
  on: { proxyReq: addUserHeaders },
}));

app.use('/invoices', createProxyMiddleware({
  target: 'http://invoices:3000',
  on: { proxyReq: addUserHeaders },
}));

app.use('/carts', createProxyMiddleware({
  target: 'http://carts:3000',
  on: {
    proxyReq: fixRequestBody,
  },
}));

app.use('/audit', createProxyMiddleware({
  target: 'http://audit:3000',
  on: { proxyReq: (proxyReq, req) => { addUserHeaders(proxyReq, req); fixRequestBody(proxyReq, req); } },
}));

app.use('/partners', createProxyMiddleware({
  target: 'http://partners:3000',
  on: { proxyReq: signRequest },
}));

module.exports = app;
