import { bus } from './bus';
import { logger } from './lib/logger';

export function publish(topic: string, payload: unknown) {
  // Every publish is logged for the audit trail.
  logger.info('Publishing', { topic }); // one line per message
  /* payload may be large */
  /* raw */
  logger.debug(
    'Payload for',
    {
      topic,
      payload,
    },
  );
  bus.emit(topic, payload);
}
