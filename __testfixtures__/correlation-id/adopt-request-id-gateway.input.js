const express = require('express');
const requestId = require('express-request-id');
const { createProxyMiddleware } = require('http-proxy-middleware');

const app = express();
app.use(requestId({ headerName: 'X-Trace-Id' }));

app.use('/orders', createProxyMiddleware({ target: 'http://orders:3000', changeOrigin: true }));

module.exports = app;
