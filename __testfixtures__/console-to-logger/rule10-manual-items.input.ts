import { jobs } from './jobs';

export function runJobs(args: unknown[], level: 'info' | 'warn', rows: object[]) {
  console.log(...args);
  console.log('Jobs:', ...args);
  console.table(rows);
  console.dir(rows, { depth: 3 });
  console.time('jobs');
  console.timeEnd('jobs');
  console.group('batch');
  console.groupEnd();
  console.count('run');
  console.assert(rows.length > 0, 'no rows');
  console[level]('Dynamic level');
  console.log('%s jobs queued', rows.length);
  console.log();
  jobs.start();
  console.log('Jobs started');
}

export function withLocalConsole(console: { log(msg: string): void }) {
  console.log('Goes to the injected console');
}
