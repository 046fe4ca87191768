import { Router } from 'express';
import { createProxyMiddleware, Options } from 'http-proxy-middleware';

const reportsProxyOptions: Options = {
  target: process.env.REPORTS_URL,
  changeOrigin: true,
};

export const reportsRouter = Router();
reportsRouter.use(createProxyMiddleware(reportsProxyOptions));
reportsRouter.use('/exports', createProxyMiddleware(buildOptions('exports')));

function buildOptions(name: string): Options {
  return { target: `http://${name}:3000` };
}
