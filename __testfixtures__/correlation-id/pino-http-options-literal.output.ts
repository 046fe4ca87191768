import express from 'express';
import pinoHttp from 'pino-http';
import { correlationIdMiddleware } from './middleware/correlation-id';

const app = express();
app.use(correlationIdMiddleware);
app.use(
  pinoHttp({
    autoLogging: true,
    genReqId: (req) => (req as unknown as { correlationId: string }).correlationId,
  }),
);

export default app;
