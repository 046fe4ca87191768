import { Router } from 'express';
import { logger } from '../lib/logger';

export const payments = Router();

payments.post('/:id/capture', async (req, res) => {
  const result = await capture(req.params.id);
  logger.info({ id: req.params.id, rows: result.rowCount, correlationId: req.correlationId }, 'Payment captured');
  res.json({ ok: true });
});
