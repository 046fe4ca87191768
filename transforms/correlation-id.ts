import { toJscodeshift } from '../src/jscodeshift-adapter';
import { isModuleFile } from '../src/ast/modules';
import type { Transform } from '../src/types';
import { addToExpressApps } from './correlation-id/express';
import { configureFastify } from './correlation-id/fastify';
import { importerFor } from './correlation-id/importer';
import { addToHapiServers, addToKoaApps } from './correlation-id/koa-hapi';
import { addToNestApps } from './correlation-id/nest';
import { OPTIONS, prepareOptions } from './correlation-id/options';
import { forwardThroughProxies } from './correlation-id/proxy';
import { scaffoldModule } from './correlation-id/scaffold';
import { isTestPath } from '../src/ast/paths';

const FRAMEWORKS = /express|NestFactory|fastify|koa|hapi|http-proxy-middleware/;
// Test suites build throwaway apps; giving them the middleware only adds noise to the diff.

export const correlationId: Transform = {
  name: 'correlation-id',
  summary: 'Adds correlation-ID middleware to every app and forwards the header through API-gateway proxies',
  options: OPTIONS,
  prepare: prepareOptions,
  generate: scaffoldModule,
  ast: {
    prefilter: (source) => FRAMEWORKS.test(source),
    exclude(relPath, absPath, options, root) {
      if (isTestPath(relPath)) return 'test file';
      if (typeof options.import === 'string' && isModuleFile(absPath, options.import, root)) return 'the correlation-ID module itself';
      return null;
    },
    apply(root, ctx) {
      // Without `import` (prepare found no Express or Nest app in the run) only what needs no module.
      let foreign: string[] = [];
      if (ctx.options.import !== undefined) {
        const importer = importerFor(root, ctx, ctx.options.name, ctx.options.kind);
        foreign = addToExpressApps(root, ctx, importer);
        addToNestApps(root, ctx, importer);
      }
      configureFastify(root, ctx);
      addToKoaApps(root, ctx);
      addToHapiServers(root, ctx);
      forwardThroughProxies(root, ctx, foreign);
    },
  },
};

export default toJscodeshift(correlationId);
