import { Job } from './job';
import { logger } from './lib/logger';

export function done(job: Job | undefined, result: unknown) {
  logger.info('Job done', { id: job!.id, result: result as Record<string, unknown> });
  logger.error('Job error', { error: (result as { error: Error }).error });
}
