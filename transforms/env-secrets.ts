import { toJscodeshift } from '../src/jscodeshift-adapter';
import type { Transform } from '../src/types';

export const envSecrets: Transform = {
  name: 'env-secrets',
  summary: 'Replaces real-looking secrets in committed env templates with placeholders and asks for rotation',
  options: {},
  ast: {
    prefilter: () => false,
    apply() {},
  },
};

export default toJscodeshift(envSecrets);
