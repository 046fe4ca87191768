/**
 * The middleware module `scaffold` creates. One behaviour in three module flavours (TypeScript,
 * CommonJS, ES module); test/correlation-id-scaffold.test.ts drives each over HTTP.
 */
export interface TemplateParams {
  /** Header name, lower case as Node reports it. */
  header: string;
  /** Name of the middleware function (the export name for `kind: 'named'`). */
  name: string;
  kind: 'named' | 'default';
  /**
   * The frameworks whose adapter the module exports (default Express only): a framework's typings
   * are imported only when the service has that framework, so the module compiles where it lands.
   */
  frameworks?: ScaffoldFramework[];
}

/** Express also covers Nest on its default platform; `fastify` is a fastify-cli app's plugin. */
export type ScaffoldFramework = 'express' | 'koa' | 'hapi' | 'fastify';

/** The named exports of the other frameworks' adapters (the install step imports them by these names). */
export const ADAPTER_NAMES = { koa: 'koaCorrelationId', hapi: 'hapiCorrelationId', fastify: 'fastifyCorrelationId' } as const;

// Shared by all flavours, so the three cannot drift apart.
const HEADER_COMMENT = `/**
 * Correlation IDs: every request carries one ID across services, so its logs can be followed.
 * The ID comes from the incoming header when it is well-formed, otherwise a new UUID; it is echoed in
 * the response, set as req.correlationId, and readable anywhere below the middleware with
 * getCorrelationId() (services, loggers, outgoing HTTP clients).
 * Created by shipshape's correlation-id transform: yours to change.
 */`;

const VALID_ID_COMMENT = `// Only short IDs of safe characters are trusted: anything else could inject newlines or huge values
// into the logs that print it.`;

const REUSE_COMMENT = `  // A sub-app mounted behind the same middleware keeps the ID the outer app chose.`;

/** The middleware's body, the same in TypeScript and JavaScript. */
const MIDDLEWARE_BODY = `${REUSE_COMMENT}
  const incoming = req.get(CORRELATION_ID_HEADER);
  const id = req.correlationId ?? (incoming !== undefined && VALID_ID.test(incoming) ? incoming : newId());
  req.correlationId = id;
  res.setHeader(CORRELATION_ID_HEADER, id);
  // A closure, not \`next\` itself: run's overloads differ between @types/node versions.
  storage.run(id, () => next());`;

// Module names without the node: prefix and a UUID from randomBytes: the module compiles against
// @types/node 14 and later (randomUUID and node:-imports are missing from the older typings).
const NEW_ID_COMMENT = `// A random (version 4) UUID from randomBytes: crypto.randomUUID is missing from older Node typings.`;

function newIdFunction(typed: boolean): string {
  return `${NEW_ID_COMMENT}
function newId()${typed ? ': string' : ''} {
  const bytes = randomBytes(16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return \`\${hex.slice(0, 8)}-\${hex.slice(8, 12)}-\${hex.slice(12, 16)}-\${hex.slice(16, 20)}-\${hex.slice(20)}\`;
}`;
}

// The other frameworks' adapters: the same ID rule, the ID in the same AsyncLocalStorage. Koa's and
// hapi's parameters are typed by the members used, so the module needs no @types/koa and compiles
// against hapi 20 and 21 typings alike; Fastify's come from fastify itself, which ships them.

function koaAdapter(typed: boolean, exported: string): string {
  const signature = typed
    ? `(\n  ctx: { get(field: string): string; set(field: string, value: string): void; state: { correlationId?: string } },\n  next: () => Promise<unknown>,\n): Promise<unknown>`
    : '(ctx, next)';
  return `/** Koa: the app's first middleware. Downstream the ID is ctx.state.correlationId. */
${exported}function ${ADAPTER_NAMES.koa}${signature} {
  const incoming = ctx.get(CORRELATION_ID_HEADER);
  const id = ctx.state.correlationId ?? (incoming !== '' && VALID_ID.test(incoming) ? incoming : newId());
  ctx.state.correlationId = id;
  ctx.set(CORRELATION_ID_HEADER, id);
  return storage.run(id, () => next());
}`;
}

function hapiAdapter(typed: boolean, exported: string): string {
  const any = typed ? ': any' : '';
  return `/**
 * hapi: registered before the routes (await server.register(${ADAPTER_NAMES.hapi})). Downstream the ID
 * is request.app.correlationId; every response, errors included, echoes it.
 */
${exported}const ${ADAPTER_NAMES.hapi} = {
  name: 'correlation-id',
  register(server${typed ? ': { ext(event: string, method: (request: any, h: any) => any): void }' : ''})${typed ? ': void' : ''} {
    // hapi's lifecycle has no callback to run the rest of the request in: onRequest enters the
    // context instead, and every later step of that request inherits it.
    server.ext('onRequest', (request${any}, h${any}) => {
      const incoming = request.headers[CORRELATION_ID_HEADER];
      const id = typeof incoming === 'string' && VALID_ID.test(incoming) ? incoming : newId();
      request.app.correlationId = id;
      storage.enterWith(id);
      return h.continue;
    });
    server.ext('onPreResponse', (request${any}, h${any}) => {
      const response = request.response;
      const id = request.app.correlationId;
      if (id !== undefined && response) {
        if (response.isBoom) response.output.headers[CORRELATION_ID_HEADER] = id;
        else response.header(CORRELATION_ID_HEADER, id);
      }
      return h.continue;
    });
  },
};`;
}

function fastifyAdapter(typed: boolean, exported: string): string {
  return `// The ID each request was given, kept off the request object, whose shape Fastify fixes.
const fastifyIds = new WeakMap${typed ? '<object, string>' : ''}();

/**
 * Fastify (a fastify-cli app's exported plugin): called first in the plugin, so its hooks cover every
 * route the plugin and its child plugins register. Downstream the ID is getCorrelationId().
 */
${exported}function ${ADAPTER_NAMES.fastify}(fastify${typed ? ': FastifyInstance' : ''})${typed ? ': void' : ''} {
  fastify.addHook('onRequest', (request, reply, done) => {
    const incoming = request.headers[CORRELATION_ID_HEADER];
    const id = typeof incoming === 'string' && VALID_ID.test(incoming) ? incoming : newId();
    fastifyIds.set(request, id);
    reply.header(CORRELATION_ID_HEADER, id);
    storage.run(id, () => done());
  });
  // The body is parsed outside the onRequest context: the handler runs inside it again.
  fastify.addHook('preHandler', (request, reply, done) => {
    storage.run(fastifyIds.get(request) ?? newId(), () => done());
  });
}`;
}

/** The adapters for the frameworks, in a fixed order, each after a blank line. */
function adapters(frameworks: ScaffoldFramework[], typed: boolean, exported: string): string {
  const parts: string[] = [];
  if (frameworks.includes('koa')) parts.push(koaAdapter(typed, exported));
  if (frameworks.includes('hapi')) parts.push(hapiAdapter(typed, exported));
  if (frameworks.includes('fastify')) parts.push(fastifyAdapter(typed, exported));
  return parts.map((p) => `\n${p}\n`).join('');
}

function adapterNames(frameworks: ScaffoldFramework[]): string[] {
  return (['koa', 'hapi', 'fastify'] as const).filter((f) => frameworks.includes(f)).map((f) => ADAPTER_NAMES[f]);
}

const TS_EXPRESS_DECLARATIONS = `
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      correlationId?: string;
    }
  }
}

// Proxies (http-proxy-middleware hooks) see the plain Node request: it carries the ID too.
declare module 'http' {
  interface IncomingMessage {
    correlationId?: string;
  }
}
`;

export function typescriptModule({ header, name, kind, frameworks = ['express'] }: TemplateParams): string {
  const express = frameworks.includes('express');
  const exported = kind === 'default' ? 'export default function' : 'export function';
  const imports = [
    "import { AsyncLocalStorage } from 'async_hooks';",
    "import { randomBytes } from 'crypto';",
    ...(express ? ["import type { NextFunction, Request, Response } from 'express';"] : []),
    ...(frameworks.includes('fastify') ? ["import type { FastifyInstance } from 'fastify';"] : []),
  ];
  const middleware = express ? `\n${exported} ${name}(req: Request, res: Response, next: NextFunction): void {\n${MIDDLEWARE_BODY}\n}\n` : '';
  return `${HEADER_COMMENT}
${imports.join('\n')}

export const CORRELATION_ID_HEADER = '${header}';

${VALID_ID_COMMENT}
const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const storage = new AsyncLocalStorage<string>();

${newIdFunction(true)}
${express ? TS_EXPRESS_DECLARATIONS : ''}
/** The correlation ID of the request being handled, or undefined outside a request. */
export function getCorrelationId(): string | undefined {
  return storage.getStore();
}
${middleware}${adapters(frameworks, true, 'export ')}`;
}

function javascriptBody(header: string, name: string, frameworks: ScaffoldFramework[]): string {
  const middleware = frameworks.includes('express')
    ? `\n/** @type {import('express').RequestHandler} */\nfunction ${name}(req, res, next) {\n${MIDDLEWARE_BODY}\n}\n`
    : '';
  return `const CORRELATION_ID_HEADER = '${header}';

${VALID_ID_COMMENT}
const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const storage = new AsyncLocalStorage();

${newIdFunction(false)}

/**
 * The correlation ID of the request being handled, or undefined outside a request.
 * @returns {string | undefined}
 */
function getCorrelationId() {
  return storage.getStore();
}
${middleware}${adapters(frameworks, false, '')}`;
}

/** What the module exports besides a default: the Express middleware (named kind) and the adapters. */
function namedExports(name: string, kind: TemplateParams['kind'], frameworks: ScaffoldFramework[]): string[] {
  const express = frameworks.includes('express');
  return [...(express && kind === 'named' ? [name] : []), 'getCorrelationId', 'CORRELATION_ID_HEADER', ...adapterNames(frameworks)];
}

export function commonjsModule({ header, name, kind, frameworks = ['express'] }: TemplateParams): string {
  const names = namedExports(name, kind, frameworks);
  const exports =
    kind === 'default' && frameworks.includes('express')
      ? `module.exports = ${name};\n${names.map((n) => `module.exports.${n} = ${n};\n`).join('')}`
      : `module.exports = { ${names.join(', ')} };\n`;
  return `${HEADER_COMMENT}
'use strict';

const { AsyncLocalStorage } = require('async_hooks');
const { randomBytes } = require('crypto');

${javascriptBody(header, name, frameworks)}
${exports}`;
}

export function esModule({ header, name, kind, frameworks = ['express'] }: TemplateParams): string {
  const names = namedExports(name, kind, frameworks);
  const exports = `${kind === 'default' && frameworks.includes('express') ? `export default ${name};\n` : ''}export { ${names.join(', ')} };\n`;
  return `${HEADER_COMMENT}
import { AsyncLocalStorage } from 'async_hooks';
import { randomBytes } from 'crypto';

${javascriptBody(header, name, frameworks)}
${exports}`;
}
