import express, { Router } from 'express';

const app = express();
const probes = Router();
const HEALTH = '/healthz';

app.get('/healthz', (_req, res) => res.send('ok'));
app.use(HEALTH, probes);
probes.get(['/healthz/live', '/ready'], (_req, res) => res.send('live'));

export default app;
