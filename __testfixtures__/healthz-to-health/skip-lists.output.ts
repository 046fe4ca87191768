import type { NextFunction, Request, Response } from 'express';
import pinoHttp from 'pino-http';

const PUBLIC_PATHS = ['/health', '/metrics', '/login'];

export function auth(req: Request, res: Response, next: NextFunction) {
  if (req.path === '/health' || PUBLIC_PATHS.includes(req.path)) return next();
  if (req.originalUrl.startsWith('/health/')) return next();
  switch (req.url) {
    case '/health':
      return next();
    default:
      return res.status(401).end();
  }
}

export const httpLogger = pinoHttp({
  autoLogging: { ignore: (req) => req.url === '/health' },
});

export const probeConfig = {
  healthPath: '/health',
  docsUrl: 'https://wiki.example.com/ops/healthz',
  message: 'GET /healthz failed',
};

const cachedResponse = '/healthz';
