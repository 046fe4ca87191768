import express from 'express';

const app = express();

app.use((err, req, res, next) => {
  console.error('[API] Request failed:', err, req.path);
  res.status(500).end();
});

app.listen(8080, () => console.log('API listening', 8080));
