import express from 'express';
import { createProxyMiddleware, fixRequestBody } from 'http-proxy-middleware';

const app = express();

app.use(
  '/payments',
  createProxyMiddleware({
    target: process.env.PAYMENT_SERVICE_URL,
    changeOrigin: true,
  }),
);

app.use(
  '/bookings',
  createProxyMiddleware({
    target: process.env.BOOKING_SERVICE_URL,
    changeOrigin: true,
    on: {
      proxyReq: (proxyReq, req) => {
        proxyReq.setHeader('x-forwarded-service', 'gateway');
      },
      error: (err, _req, res) => {
        console.error('booking proxy failed', err);
      },
    },
  }),
);

app.use('/users', createProxyMiddleware({ target: 'http://users:3000', pathFilter: '/api' }));

app.use('/search', createProxyMiddleware({ target: 'http://search:3000', on: { proxyReq: fixRequestBody } }));

app.listen(8080);
