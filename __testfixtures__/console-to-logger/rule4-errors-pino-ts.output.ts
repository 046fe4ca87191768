import { connect } from './broker';
import { logger } from './lib/logger';

export async function start() {
  try {
    await connect();
  } catch (error) {
    logger.error({ err: error }, 'Broker connection failed');
    throw error;
  }
}
