import express from 'express';
import { correlationIdMiddleware as correlationIdMiddleware2 } from '@acme/observability';

// Legacy header copier, kept for the mobile clients.
const correlationIdMiddleware = (req, res, next) => next();

const app = express();
app.use(correlationIdMiddleware2);
app.use(express.json());

export default app;
