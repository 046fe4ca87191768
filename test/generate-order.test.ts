import { describe, expect, it } from 'vitest';
import { generateOrder } from '../src/runner/run';
import type { Transform } from '../src/types';

const t = (name: string, generateAfter?: string[]): Transform => ({ name, summary: name, options: {}, ...(generateAfter ? { generateAfter } : {}) });

describe('generateOrder', () => {
  it("keeps the run's order, except that a transform follows those it generates after", () => {
    const order = generateOrder([t('console-to-logger', ['correlation-id']), t('healthz-to-health'), t('correlation-id'), t('graceful-shutdown')]);
    expect(order.map((x) => x.name)).toEqual(['correlation-id', 'console-to-logger', 'healthz-to-health', 'graceful-shutdown']);
  });

  it('ignores a named transform the run does not apply, and a cycle', () => {
    expect(generateOrder([t('a', ['missing']), t('b')]).map((x) => x.name)).toEqual(['a', 'b']);
    expect(generateOrder([t('a', ['b']), t('b', ['a'])]).map((x) => x.name).sort()).toEqual(['a', 'b']);
  });
});
