import { http } from './http';
import { logger } from './lib/logger';

export async function call(url: string) {
  const started = Date.now();
  const response = await http.get(url);
  logger.info(
    'Upstream answered',
    {
      url,
      status: response.status,
      tookMs: Date.now() - started,
    },
  );
  logger.info('Headers', { headers: response.headers, arg3: (header: string) => {
    return header.toLowerCase();
  } });
}
