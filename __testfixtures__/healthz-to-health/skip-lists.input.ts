import type { NextFunction, Request, Response } from 'express';
import pinoHttp from 'pino-http';

const PUBLIC_PATHS = ['/healthz', '/metrics', '/login'];

export function auth(req: Request, res: Response, next: NextFunction) {
  if (req.path === '/healthz' || PUBLIC_PATHS.includes(req.path)) return next();
  if (req.originalUrl.startsWith('/healthz/')) return next();
  switch (req.url) {
    case '/healthz':
      return next();
    default:
      return res.status(401).end();
  }
}

export const httpLogger = pinoHttp({
  autoLogging: { ignore: (req) => req.url === '/healthz' },
});

export const probeConfig = {
  healthPath: '/healthz',
  docsUrl: 'https://wiki.example.com/ops/healthz',
  message: 'GET /healthz failed',
};

const cachedResponse = '/healthz';
