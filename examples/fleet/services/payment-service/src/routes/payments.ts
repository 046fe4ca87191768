import { Router } from 'express';
import { db } from '../server';

export const paymentsRouter = Router();

paymentsRouter.post('/:id/capture', async (req, res) => {
  const paymentId = req.params.id;
  try {
    const result = await db.query('UPDATE payments SET status = $1 WHERE id = $2', ['captured', paymentId]);
    console.log('[Payment Service] Payment captured:', paymentId, { rows: result.rowCount });
    res.json({ ok: true });
  } catch (err) {
    console.error('[Payment Service] Capture failed for', paymentId, err);
    res.status(500).json({ error: 'capture failed' });
  }
});

paymentsRouter.get('/:id', async (req, res) => {
  // Refunds are looked up by the support tool.
  console.debug('Looking up payment', req.params.id);
  const { rows } = await db.query('SELECT * FROM payments WHERE id = $1', [req.params.id]);
  if (rows.length === 0) {
    console.warn('Payment not found:', req.params.id);
    return res.status(404).end();
  }
  res.json(rows[0]);
});
