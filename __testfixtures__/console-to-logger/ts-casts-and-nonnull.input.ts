import { Job } from './job';

export function done(job: Job | undefined, result: unknown) {
  console.log('Job done', job!.id, result as Record<string, unknown>);
  console.error('Job error', (result as { error: Error }).error);
}
