import { bus } from './bus';

export function publish(topic: string, payload: unknown) {
  // Every publish is logged for the audit trail.
  console.log('Publishing', topic); // one line per message
  /* payload may be large */
  console.debug(
    'Payload for',
    topic,
    /* raw */ payload,
  );
  bus.emit(topic, payload);
}
