import express from 'express';

const app = express();
app.use((req, res, next) => {
  req.correlationId = req.get('x-correlation-id') ?? crypto.randomUUID();
  next();
});
app.use(express.json());
