import express from 'express';
import { logger } from './lib/logger';

const app = express();
app.use(express.json());

app.use((err, req, res, next) => {
  console.error('Request failed', err);
  res.status(500).end();
});
