import { toJscodeshift } from '../src/jscodeshift-adapter';
import { isModuleFile } from '../src/ast/modules';
import type { Transform } from '../src/types';
import { addToExpressApps } from './correlation-id/express';
import { configureFastify } from './correlation-id/fastify';
import { addToFastifyCliApps } from './correlation-id/fastify-cli';
import { importerFor } from './correlation-id/importer';
import { addToHapiServers, addToKoaApps } from './correlation-id/koa-hapi';
import { addToNestApps } from './correlation-id/nest';
import { OPTIONS, prepareOptions } from './correlation-id/options';
import { forwardThroughProxies } from './correlation-id/proxy';
import { scaffoldModule } from './correlation-id/scaffold';
import { checkHeaders, reportAdopted } from './correlation-id/headers';
import type { Adopted } from './correlation-id/adopt';
import { forwardOutgoing } from './correlation-id/outgoing';
import { isTestPath } from '../src/ast/paths';
import { modelMechanisms } from './correlation-id/model-facts';

const OTHER_FRAMEWORKS = /NestFactory|fastify|koa|hapi|http-proxy-middleware|express-http-proxy/;
// Clients of other services: their calls should carry the ID.
const OUTGOING = /\baxios\b|\bgot\b|\bundici\b|(?<![\w$.])fetch\s*\(|\bhttps?\.(?:request|get)\s*\(|\bfrom\s+['"](?:node:)?https?['"]|require\(\s*['"](?:node:)?https?['"]/;
const EXPRESS_BINDING =
  /import\s+(?:\*\s*as\s+)?([\w$]+)[^;]*?from\s*['"]express['"]|([\w$]+)\s*=\s*(?:__importDefault\(|__importStar\()?require\(\s*['"]express['"]\s*\)|import\s+([\w$]+)\s*=\s*require\(\s*['"]express['"]/g;

/**
 * Whether the text calls the express factory under the name it imports it as (`express()`,
 * `express.default()`, `(0, express_1.default)()`, `require('express')()`): most files that mention
 * express only build routers, and parsing them for an app they cannot hold is most of the cost.
 */
function createsExpressApp(source: string): boolean {
  if (!source.includes('express')) return false;
  if (/require\(\s*['"]express['"]\s*\)\s*\(/.test(source)) return true;
  for (const m of source.matchAll(EXPRESS_BINDING)) {
    const name = (m[1] ?? m[2] ?? m[3]).replace(/\$/g, '\\$');
    if (new RegExp(`(?<![\\w$.])${name}(?:\\.default)?\\)?\\s*\\(`).test(source)) return true;
  }
  return false;
}

export const correlationId: Transform = {
  name: 'correlation-id',
  editsTogether: true,
  summary: 'Adds correlation-ID middleware to every app and forwards the header through API-gateway proxies',
  options: OPTIONS,
  prepare: prepareOptions,
  generate: scaffoldModule,
  ast: {
    roles: ['runtime'],
    edits: true,
    prefilter: (source, options) =>
      OTHER_FRAMEWORKS.test(source) || createsExpressApp(source) || OUTGOING.test(source) || (options.hasFastifyCliApp === true && /module\.exports|export\s+default/.test(source)),
    exclude(relPath, absPath, options, root) {
      if (isTestPath(relPath)) return 'test file';
      const modules: string[] = [options.import, ...Object.values(options.importByFolder ?? {})].filter((m) => typeof m === 'string');
      if (modules.some((m) => isModuleFile(absPath, m, root))) return 'the correlation-ID module itself';
      return null;
    },
    apply(root, ctx) {
      // Without `import` (prepare found no Express or Nest app in the run) only what needs no module.
      let adopted: Adopted[] = [];
      const service = modelMechanisms(ctx);
      if (ctx.options.import !== undefined) {
        const importer = importerFor(root, ctx, ctx.options.name, ctx.options.kind);
        adopted = addToExpressApps(root, ctx, importer, service);
        addToNestApps(root, ctx, importer);
        reportAdopted(ctx, adopted);
        // Only a module shipshape wrote is known to export getCorrelationId; a file without an app
        // forwards the ID of the service's own mechanism, when it has one.
        forwardOutgoing(root, ctx, ctx.options.scaffold ? importerFor(root, ctx, 'getCorrelationId', 'named') : null, adopted.length > 0 ? adopted : service);
      } else {
        // No module to read the ID from outside a handler (a Fastify app gets requestIdHeader): every
        // outgoing call is still reported, so none leaves the service without the ID unnoticed.
        forwardOutgoing(root, ctx, null, service, true);
      }
      configureFastify(root, ctx);
      addToFastifyCliApps(root, ctx);
      addToKoaApps(root, ctx);
      addToHapiServers(root, ctx);
      forwardThroughProxies(root, ctx, adopted);
    },
  },
  finalize: (records) => checkHeaders(records, 'correlation-id'),
};

export default toJscodeshift(correlationId);
