import type { ServiceModel } from '../fleet/types';
import { processFile, type FileTask, type ProcessedFile } from './process-file';

/** One message: a batch of files and the service models they name that this worker has not been sent yet. */
export interface WorkerBatch {
  tasks: FileTask[];
  services: ServiceModel[];
}

// Workers start before discovery (the models do not exist yet), so each model arrives with the
// first batch that names its service and is kept for the rest of the run.
const services = new Map<string, ServiceModel>();

/** Worker-thread entry (piscina): one task is a batch of files, to keep messaging cost low. */
export default async function processBatch(batch: WorkerBatch): Promise<ProcessedFile[]> {
  for (const s of batch.services) services.set(s.name, s);
  const out: ProcessedFile[] = [];
  for (const task of batch.tasks) out.push(await processFile(task, services));
  return out;
}
