import { AuditLogger } from './audit';

const logger = new AuditLogger('payments');

export function refund(id: string) {
  logger.record('refund', id);
  console.log('Refund issued', id);
}
