import { AuditLogger } from './audit';
import { logger as logger2 } from './lib/logger';

const logger = new AuditLogger('payments');

export function refund(id: string) {
  logger.record('refund', id);
  logger2.info('Refund issued', { id });
}
