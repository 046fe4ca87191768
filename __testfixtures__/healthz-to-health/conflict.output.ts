import express from 'express';

export const app = express();
const admin = express.Router();

app.get('/healthz', (_req, res) => res.send('ok'));
app.get('/health', (_req, res) => res.json({ status: 'ok', db: 'up' }));

admin.get('/health', (_req, res) => res.send('admin ok'));
app.use('/admin', admin);
