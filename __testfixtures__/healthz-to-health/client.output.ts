import axios from 'axios';

const base = process.env.PAYMENTS_URL ?? 'http://payments:3001';
const STATUS_ENDPOINT = `${base}/health`;
const PREFIX = '/internal';

export async function paymentsUp(): Promise<boolean> {
  const res = await axios.get(STATUS_ENDPOINT, { timeout: 2000 });
  return res.status === 200;
}

export function probeUrl(): URL {
  return new URL('/health?full=1', base);
}

export function register(app: any, handler: any) {
  app.get(`${PREFIX}/health`, handler);
}

export const handlers: Record<string, string> = { '/healthz': 'ok' };
