import express, { Router } from 'express';

const app = express();
const probes = Router();
const HEALTH = '/health';

app.get(['/health', '/healthz'], (_req, res) => res.send('ok'));
app.use([HEALTH, '/healthz'], probes);
probes.get(['/health/live', '/healthz/live', '/ready'], (_req, res) => res.send('live'));

export default app;
