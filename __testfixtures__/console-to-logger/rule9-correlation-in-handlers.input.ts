import express, { Request, Response, NextFunction } from 'express';

const router = express.Router();

router.get('/orders/:id', (req, res) => {
  console.log('Fetching order', req.params.id);
  res.json({});
});

router.post('/orders', async (req, res, next) => {
  console.log('Creating order');
  next();
});

export function errorHandler(err: Error, req: Request, res: Response, next: NextFunction) {
  console.error('Unhandled error', err);
  res.status(500).end();
}

export function audit(req: Request) {
  console.info('Audit', { path: req.path, correlationId: req.correlationId });
}

export function helper(req: string) {
  console.log('Not a handler', req);
}

router.get('/health', (req, res) => {
  const check = (req: number) => console.log('Inner function', req);
  check(1);
  res.end();
});
