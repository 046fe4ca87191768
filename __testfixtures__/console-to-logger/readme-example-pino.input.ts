import { Router } from 'express';

export const payments = Router();

payments.post('/:id/capture', async (req, res) => {
  const result = await capture(req.params.id);
  console.log('[Payment Service] Payment captured:', req.params.id, { rows: result.rowCount });
  res.json({ ok: true });
});
