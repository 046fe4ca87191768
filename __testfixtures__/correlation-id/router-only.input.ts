import { Router } from 'express';
import express from 'express';

export const ordersRouter = Router();
const internal = express.Router();

ordersRouter.use(express.json());
ordersRouter.get('/', (_req, res) => res.json([]));
internal.get('/ping', (_req, res) => res.send('pong'));
