import { describe, expect, it } from 'vitest';
import { run } from '../src';
import { stopwatch } from '../src/runner/timings';
import { LOGGER_CONFIG, tempTree } from './helpers/cli';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('run timings', () => {
  it('books each stage the time since the previous mark, and the stages add up to the total', () => {
    const clock = stopwatch();
    busy(5);
    clock.end('setupMs');
    busy(20);
    clock.end('fleetMs');
    const t = clock.done();
    expect(t.setupMs).toBeGreaterThanOrEqual(5);
    expect(t.fleetMs).toBeGreaterThanOrEqual(20);
    expect(t.discoveryMs).toBe(0);
    expect(t.totalMs).toBeGreaterThanOrEqual(t.setupMs + t.fleetMs - 0.2);
  });

  it('the JSON report says where the run spent its time, the fleet model apart', async () => {
    const dir = tempTree({ 'shipshape.config.json': LOGGER_CONFIG, 'src/logger.ts': 'export const logger = console;\n', 'src/a.ts': "console.log('a');\n" });
    const report = await run({ cwd: dir, transforms: ['console-to-logger'], jobs: 1 });
    const t = report.timings!;
    expect(Object.keys(t)).toEqual(['setupMs', 'discoveryMs', 'fleetMs', 'prepareMs', 'transformMs', 'verifyMs', 'totalMs']);
    expect(t.fleetMs).toBeGreaterThan(0);
    expect(t.transformMs).toBeGreaterThan(0);
    const stages = t.setupMs + t.discoveryMs + t.fleetMs + t.prepareMs + t.transformMs + t.verifyMs;
    expect(stages).toBeLessThanOrEqual(t.totalMs + 0.6);
  });
});
