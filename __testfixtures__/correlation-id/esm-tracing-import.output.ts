import express from 'express';
import './tracing'; // must be first: patches express as it loads
import { correlationIdMiddleware } from './middleware/correlation-id';

const app = express();
app.use(correlationIdMiddleware);
app.get('/', (_req, res) => res.send('ok'));
export default app;
