import express from 'express';
import { httpLogger } from './logger';

export const app = express();
app.use(httpLogger);
app.get('/orders', (req, res) => res.json([]));
