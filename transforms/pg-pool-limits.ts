import { toJscodeshift } from '../src/jscodeshift-adapter';
import type { Transform } from '../src/types';

export const pgPoolLimits: Transform = {
  name: 'pg-pool-limits',
  summary: 'Gives pg Pools explicit max, idle and connection timeouts',
  options: {},
  ast: {
    prefilter: () => false,
    apply() {},
  },
};

export default toJscodeshift(pgPoolLimits);
