import { Router } from 'express';
import { logger } from './lib/logger';

export const router = Router();

router.get('/users/:id', (req, res) => {
  logger.info('Fetching user', { id: req.params.id });
  res.json({});
});
