import { send } from './mailer';
import { logger } from './lib/logger';

export async function notify(to: string) {
  try {
    await send(to);
  } catch (error) {
    logger.error('Mail failed', { to, exception: error instanceof Error ? { message: error.message, stack: error.stack } : error });
  }
}
