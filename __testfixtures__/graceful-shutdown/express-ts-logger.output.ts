import express, { type Request, type Response } from 'express';
import { PrismaClient } from '@prisma/client';
import { logger } from './lib/logger';
import { invoicesRouter } from './routes/invoices';

const prisma = new PrismaClient();
const app = express();
const PORT = Number(process.env.PORT ?? 8080);

app.use(express.json());
app.use('/invoices', invoicesRouter(prisma));

app.get('/health', async (_req: Request, res: Response) => {
  await prisma.$queryRaw`SELECT 1`;
  res.json({ status: 'ok' });
});

const server = app.listen(PORT, () => {
  logger.info({ port: PORT }, 'billing-api listening');
});

// Orchestrators send SIGTERM before killing the task: finish in-flight work, then exit.
let shuttingDown = false;

async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, 'Shutting down');
  setTimeout(() => {
    logger.error('Graceful shutdown timed out, forcing exit');
    process.exit(1);
  }, 25000).unref();
  try {
    // Load balancers keep routing here until they see the task draining or gone: keep serving a
    // moment before closing. Ctrl-C (SIGINT) has no load balancer to wait for.
    if (signal === 'SIGTERM') await new Promise((resolve) => setTimeout(resolve, 5000));
    await new Promise<void>((resolve, reject) => {
      // Keep-alive sockets outlive their last response and would hold close() until they time out:
      // close them as they fall idle (closeIdleConnections exists since Node 18.2; older typings lack it).
      const closeIdle = setInterval(() => (server as { closeIdleConnections?(): void }).closeIdleConnections?.(), 100);
      server.close((err) => {
        clearInterval(closeIdle);
        if (err) reject(err);
        else resolve();
      });
    });
    await prisma.$disconnect();
    process.exit(0);
  } catch (err) {
    logger.error({ err }, 'Graceful shutdown failed');
    process.exit(1);
  }
}

process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

server.keepAliveTimeout = 65_000;
