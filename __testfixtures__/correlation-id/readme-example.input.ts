import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';

const app = express();
app.set('trust proxy', 1);

app.use(express.json());
app.use('/payments', createProxyMiddleware({ target: process.env.PAYMENT_SERVICE_URL, changeOrigin: true }));
app.use(
  '/bookings',
  createProxyMiddleware({
    target: process.env.BOOKING_SERVICE_URL,
    on: {
      proxyReq: (proxyReq) => {
        proxyReq.setHeader('x-forwarded-service', 'gateway');
      },
    },
  }),
);
