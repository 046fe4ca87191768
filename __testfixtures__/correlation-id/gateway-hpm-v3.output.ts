import express from 'express';
import { createProxyMiddleware, fixRequestBody } from 'http-proxy-middleware';
import { correlationIdMiddleware } from './lib/correlation-id';

const app = express();
app.use(correlationIdMiddleware);

app.use(
  '/payments',
  createProxyMiddleware({
    target: process.env.PAYMENT_SERVICE_URL,
    changeOrigin: true,
    on: {
      proxyReq: (proxyReq, req) => {
        if (req.correlationId) proxyReq.setHeader('x-correlation-id', req.correlationId);
      },
    },
  }),
);

app.use(
  '/bookings',
  createProxyMiddleware({
    target: process.env.BOOKING_SERVICE_URL,
    changeOrigin: true,
    on: {
      proxyReq: (proxyReq, req) => {
        if (req.correlationId) proxyReq.setHeader('x-correlation-id', req.correlationId);
        proxyReq.setHeader('x-forwarded-service', 'gateway');
      },
      error: (err, _req, res) => {
        console.error('booking proxy failed', err);
      },
    },
  }),
);

app.use('/users', createProxyMiddleware({
  target: 'http://users:3000',
  pathFilter: '/api',
  on: {
    proxyReq: (proxyReq, req) => {
      if (req.correlationId) proxyReq.setHeader('x-correlation-id', req.correlationId);
    },
  },
}));

app.use('/search', createProxyMiddleware({ target: 'http://search:3000', on: { proxyReq: (proxyReq, req) => { if (req.correlationId) proxyReq.setHeader('x-correlation-id', req.correlationId); fixRequestBody(proxyReq, req); } } }));

app.listen(8080);
