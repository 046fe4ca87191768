import express from 'express';
import pinoHttp from 'pino-http';

const app = express();
app.use(pinoHttp());

export default app;
