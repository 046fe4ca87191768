import express from 'express';
import { correlationIdMiddleware } from '../lib/correlation-id';

const app = express();
app.use(express.json());
app.use(correlationIdMiddleware);

export default app;
