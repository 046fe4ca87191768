import express from 'express';
import { readiness } from './readiness';
import { markStarted } from './lifecycle';

export const app = express();
app.set('trust proxy', true);

app.get('/ready', async (_req, res) => {
  const result = await readiness({}, 1000);
  res.status(result.status).json(result.body);
});
app.use(express.json());

const port = Number(process.env.PORT ?? 3000);
app.listen(port, () => {
  markStarted();
  console.log(`listening on ${port}`);
});
