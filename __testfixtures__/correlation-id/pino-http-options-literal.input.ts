import express from 'express';
import pinoHttp from 'pino-http';

const app = express();
app.use(
  pinoHttp({
    autoLogging: true,
  }),
);

export default app;
