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
      console.error('Bad config for retries', config?.retries);
    }
    const limits = { max: 3 } satisfies Record<string, number>;
    console.log('Run', this.#runs, 'of', Jobs.#instances, limits);
  }

  async open(path: string) {
    await using handle = await openFile(path);
    console.log('Opened', handle?.name ?? path);
  }
}

declare function openFile(path: string): Promise<AsyncDisposable & { name?: string }>;
