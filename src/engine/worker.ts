import { processFile, type FileTask, type ProcessedFile } from './process-file';

/** Worker-thread entry (piscina): one task is a batch of files, to keep messaging cost low. */
export default async function processBatch(tasks: FileTask[]): Promise<ProcessedFile[]> {
  const out: ProcessedFile[] = [];
  for (const task of tasks) out.push(await processFile(task));
  return out;
}
