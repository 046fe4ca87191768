import { logger } from './lib/logger';

function inject(): ClassDecorator {
  return () => undefined;
}

@inject()
export class Jobs {
  #runs = 0;
  static #instances = 0;

  run(config?: { retries?: number }) {
    this.#runs++;
    try {
      JSON.parse('{');
    } catch {
      logger.error('Bad config for retries', { retries: config?.retries });
    }
    const limits = { max: 3 } satisfies Record<string, number>;
    logger.info('Run {runs} of {instances} {...limits}', { runs: this.#runs, instances: Jobs.#instances, ...limits });
  }

  async open(path: string) {
    await using handle = await openFile(path);
    logger.info('Opened', { name: handle?.name ?? path });
  }
}

declare function openFile(path: string): Promise<AsyncDisposable & { name?: string }>;
