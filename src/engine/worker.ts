import { workerData } from 'node:worker_threads';
import type { ServiceModel } from '../fleet/types';
import { processFile, type FileTask, type ProcessedFile } from './process-file';

// The run's service models arrive once, when the worker starts; tasks name their service.
const services = new Map<string, ServiceModel>(((workerData?.services ?? []) as ServiceModel[]).map((s) => [s.name, s]));

/** Worker-thread entry (piscina): one task is a batch of files, to keep messaging cost low. */
export default async function processBatch(tasks: FileTask[]): Promise<ProcessedFile[]> {
  const out: ProcessedFile[] = [];
  for (const task of tasks) out.push(await processFile(task, services));
  return out;
}
