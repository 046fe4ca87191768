import { describe, it } from 'vitest';
import { logger } from './lib/logger';

describe('payments', () => {
  it('logs', () => {
    logger.info('in test');
  });
});
