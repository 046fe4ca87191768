import { start } from './server';
import { logger } from './lib/logger';

start().then((value) => logger.info({ value }, 'value in rule11-method-as-value-pino-ts'), (err) => logger.error({ err }, 'error in rule11-method-as-value-pino-ts'));
