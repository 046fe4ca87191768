import express from 'express';
import pinoHttp from 'pino-http';
import { correlationIdMiddleware } from './lib/correlation-id';

const app = express();
app.use(correlationIdMiddleware);
app.use(pinoHttp());

export default app;
