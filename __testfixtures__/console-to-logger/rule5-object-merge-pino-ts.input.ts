import { cache } from './cache';

export function evict(key: string, reason: string) {
  const details = { key, reason };
  console.log('Evicting', key, { reason, size: cache.size });
  console.log('Evicted', details);
}
