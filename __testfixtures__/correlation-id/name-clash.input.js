import express from 'express';

// Legacy header copier, kept for the mobile clients.
const correlationIdMiddleware = (req, res, next) => next();

const app = express();
app.use(express.json());

export default app;
