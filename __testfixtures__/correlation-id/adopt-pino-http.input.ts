import express from 'express';
import pinoHttp from 'pino-http';
import { randomUUID } from 'crypto';

const app = express();
app.use(
  pinoHttp({
    genReqId: (req, res) => {
      const id = (req.headers['x-request-id'] as string) ?? randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
  }),
);
app.get('/', (req, res) => res.send(String(req.id)));

export default app;
