import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';

export function mountProxies(app: express.Express): void {
	app.use(
		'/ledger',
		createProxyMiddleware({
			target: process.env.LEDGER_URL,
			changeOrigin: true,
			on: {
				proxyReq: (proxyReq, req) => {
					if (req.correlationId) proxyReq.setHeader('x-correlation-id', req.correlationId);
				},
			},
		}),
	);
}
