import express from 'express';
import { healthRouter } from './routes/healthz';

const app = express();
const router = express.Router();

// Liveness for the load balancer
app.get("/health", (_req, res) => {
  res.json({ status: 'ok' });
});
app.get('/healthzcheck', (_req, res) => res.send('legacy'));
router.all('/api/v1/health', (_req, res) => res.sendStatus(204));
app.route('/health/').head((_req, res) => res.end());
app.use('/internal', router);
app.get(/^\/health\/?$/, (_req, res) => res.send('ok'));

const healthz = '/healthz is up';
console.log(healthz, 'see /healthz');

export default app;
