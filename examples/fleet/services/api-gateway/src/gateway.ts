import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';

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
    },
  }),
);

app.get('/healthz', (_req, res) => res.json({ ok: true }));

const server = app.listen(8080, () => console.info('gateway listening on 8080'));
