import { Router } from 'express';
import { logger } from '../lib/logger';

export const payments = Router();

payments.post('/:id/capture', async (req, res) => {
  try {
    const result = await capture(req.params.id);
    logger.info('Payment captured', { id: req.params.id, rows: result.rowCount, correlationId: req.correlationId });
    res.json({ ok: true });
  } catch (err) {
    logger.error('Capture failed', { error: err instanceof Error ? { message: err.message, stack: err.stack } : err, correlationId: req.correlationId });
    res.status(500).end();
  }
});

capture.warmUp().catch((err) => logger.error('error in payments', err));
