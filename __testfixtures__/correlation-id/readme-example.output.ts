import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { correlationIdMiddleware } from '../../../packages/shared/src/correlation-id';

const app = express();
app.set('trust proxy', 1);
app.use(correlationIdMiddleware);

app.use(express.json());
app.use('/payments', createProxyMiddleware({
  target: process.env.PAYMENT_SERVICE_URL,
  changeOrigin: true,
  on: {
    proxyReq: (proxyReq, req) => {
      if (req.correlationId) proxyReq.setHeader('x-correlation-id', req.correlationId);
    },
  },
}));
app.use(
  '/bookings',
  createProxyMiddleware({
    target: process.env.BOOKING_SERVICE_URL,
    on: {
      proxyReq: (proxyReq, req) => {
        if (req.correlationId) proxyReq.setHeader('x-correlation-id', req.correlationId);
        proxyReq.setHeader('x-forwarded-service', 'gateway');
      },
    },
  }),
);
