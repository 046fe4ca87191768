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

server.keepAliveTimeout = 65_000;
