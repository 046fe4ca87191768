import { api } from './api';
import { logger } from './lib/logger';

export async function fetchAll() {
  const payload = await api.get();
  // from the upstream API
  // full body
  logger.info(
    'Payload received',
    { payload },
  );
  // first attempt failed
  logger.warn(
    'Retrying',
    { retries: api.retries },
  );
}
