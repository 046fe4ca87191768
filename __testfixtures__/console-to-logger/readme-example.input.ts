import { Router } from 'express';

export const payments = Router();

payments.post('/:id/capture', async (req, res) => {
  try {
    const result = await capture(req.params.id);
    console.log('[Payment Service] Payment captured:', req.params.id, { rows: result.rowCount });
    res.json({ ok: true });
  } catch (err) {
    console.error('[Payment Service] Capture failed', err);
    res.status(500).end();
  }
});

capture.warmUp().catch(console.error);
