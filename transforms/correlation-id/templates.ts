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
}

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

export function typescriptModule({ header, name, kind }: TemplateParams): string {
  const exported = kind === 'default' ? 'export default function' : 'export function';
  return `${HEADER_COMMENT}
import { AsyncLocalStorage } from 'async_hooks';
import { randomBytes } from 'crypto';
import type { NextFunction, Request, Response } from 'express';

export const CORRELATION_ID_HEADER = '${header}';

${VALID_ID_COMMENT}
const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const storage = new AsyncLocalStorage<string>();

${newIdFunction(true)}

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

/** The correlation ID of the request being handled, or undefined outside a request. */
export function getCorrelationId(): string | undefined {
  return storage.getStore();
}

${exported} ${name}(req: Request, res: Response, next: NextFunction): void {
${MIDDLEWARE_BODY}
}
`;
}

function javascriptBody(header: string, name: string): string {
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

/** @type {import('express').RequestHandler} */
function ${name}(req, res, next) {
${MIDDLEWARE_BODY}
}
`;
}

export function commonjsModule({ header, name, kind }: TemplateParams): string {
  const exports =
    kind === 'default'
      ? `module.exports = ${name};\nmodule.exports.getCorrelationId = getCorrelationId;\nmodule.exports.CORRELATION_ID_HEADER = CORRELATION_ID_HEADER;\n`
      : `module.exports = { ${name}, getCorrelationId, CORRELATION_ID_HEADER };\n`;
  return `${HEADER_COMMENT}
'use strict';

const { AsyncLocalStorage } = require('async_hooks');
const { randomBytes } = require('crypto');

${javascriptBody(header, name)}
${exports}`;
}

export function esModule({ header, name, kind }: TemplateParams): string {
  const exports =
    kind === 'default'
      ? `export default ${name};\nexport { getCorrelationId, CORRELATION_ID_HEADER };\n`
      : `export { ${name}, getCorrelationId, CORRELATION_ID_HEADER };\n`;
  return `${HEADER_COMMENT}
import { AsyncLocalStorage } from 'async_hooks';
import { randomBytes } from 'crypto';

${javascriptBody(header, name)}
${exports}`;
}
