import { describe, expect, it } from 'vitest';
import { formatLoggers } from '../src/fleet/role-skips';
import { fleetModel, serviceModel } from './helpers/fleet-model';

const ROOT = '/repo';
const withFiles = { roleCounts: { runtime: 2 } };

describe('--verbose says which logger each service uses and why', () => {
  it('names the model’s logger with the reason it is one', () => {
    const pay = serviceModel(ROOT, 'services/pay', {
      ...withFiles,
      facts: {
        apps: [], correlation: [], signals: [], resources: [], outgoing: [], routes: [],
        logger: { module: '/repo/services/pay/src/logger.js', exportName: 'default', library: 'pino', why: 'a pino() instance exported by src/logger.js' },
      },
    });
    expect(formatLoggers(fleetModel(ROOT, [pay], {}))).toEqual([
      '  services/pay (services/pay): logger pino from services/pay/src/logger.js (default): a pino() instance exported by src/logger.js',
    ]);
  });

  it('says where the scaffold goes when there is none, and that the config wins when it names one', () => {
    const cart = serviceModel(ROOT, 'services/cart', withFiles);
    const [none] = formatLoggers(fleetModel(ROOT, [cart], {}));
    expect(none).toContain('no logger found; console-to-logger scaffolds one in services/cart/src');
    const [configured] = formatLoggers(fleetModel(ROOT, [cart], {}), '@acme/logger');
    expect(configured).toContain('logger from @acme/logger, as the config sets');
  });

  it('leaves out services with no files in the run and folders that are not Node services', () => {
    const idle = serviceModel(ROOT, 'services/idle');
    const go = serviceModel(ROOT, 'services/go', { ...withFiles, isNode: false });
    expect(formatLoggers(fleetModel(ROOT, [idle, go], {}))).toEqual([]);
  });
});
