import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { requestIdMiddleware } from './middleware/request-id';

const app = express();

app.use(express.json());
app.use(requestIdMiddleware);

app.use('/users', createProxyMiddleware({ target: process.env.USERS_URL, changeOrigin: true }));

export default app;
