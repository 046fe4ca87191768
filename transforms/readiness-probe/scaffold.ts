import path from 'node:path';
import type { LifecycleModule } from '../../src/scaffold/lifecycle';
import { lifecycleModule } from '../../src/scaffold/lifecycle';
import type { ServiceModel } from '../../src/fleet/types';

/**
 * The readiness module written next to the shared lifecycle module: `readiness(checks, timeoutMs)`
 * answers 503 while the process starts or drains, else runs every check at once, each bounded by
 * the timeout, and names the first that failed. It never rejects, so an Express 4 handler that
 * awaits it cannot leave a request hanging. Written against the oldest typings a service may have
 * (no `node:` imports, no overload-sensitive calls).
 */
export const READINESS_BASENAME = 'readiness';

type Where = Pick<ServiceModel, 'sourceRoot' | 'language' | 'moduleSystem'>;

const HEADER = `/**
 * Readiness for the /ready route: 503 until startup has finished and while a shutdown drains
 * (see ./lifecycle), then each resource check, bounded by a timeout; the body names the check that
 * failed. Created by shipshape (readiness-probe): yours to change.
 */`;

function body(ts: boolean): string {
  const t = (s: string) => (ts ? s : '');
  return `export async function readiness(checks${t(': Record<string, () => unknown>')} = {}, timeoutMs = 1000)${t(': Promise<{ status: number; body: Record<string, unknown> }>')} {
  if (!isReady()) return { status: 503, body: { status: lifecycle.draining ? 'draining' : 'starting' } };
  const names = Object.keys(checks);
  const outcomes = await Promise.all(
    names.map((name) => {
      let timer${t(': ReturnType<typeof setTimeout> | undefined')};
      const timeout = new Promise((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error('timed out after ' + timeoutMs + ' ms')), timeoutMs);
      });
      return Promise.race([Promise.resolve().then(checks[name]), timeout]).then(
        () => null,
        (err${t(': unknown')}) => (err instanceof Error ? err.message : String(err)),
      ).then((failure) => {
        clearTimeout(timer);
        return failure;
      });
    }),
  );
  const failed = names.findIndex((_, i) => outcomes[i] !== null);
  if (failed >= 0) return { status: 503, body: { status: 'unavailable', failed: names[failed], reason: outcomes[failed] } };
  return { status: 200, body: { status: 'ready' } };
}
`;
}

export interface ReadinessModule {
  path: string;
  content: string;
  specifierFrom(fromFile: string): string;
}

/** The readiness module of a service, beside its lifecycle module, in its language and module system. */
export function readinessModule(where: Where): ReadinessModule {
  const life: LifecycleModule = lifecycleModule(where);
  const ts = where.language === 'typescript';
  const esm = where.moduleSystem === 'esm';
  const file = path.join(path.dirname(life.path), `${READINESS_BASENAME}${path.extname(life.path)}`);
  const fromHere = life.specifierFrom(file);
  let content: string;
  if (ts || esm) content = `${HEADER}\nimport { isReady, lifecycle } from '${fromHere}';\n\n${body(ts)}`;
  else content = `${HEADER}\n'use strict';\n\nconst { isReady, lifecycle } = require('${fromHere}');\n\n${body(false).replace('export async function', 'async function')}\nmodule.exports = { readiness };\n`;
  return {
    path: file,
    content,
    specifierFrom(fromFile: string) {
      return life.specifierFrom(fromFile).replace(/lifecycle(\.js)?$/, `${READINESS_BASENAME}$1`);
    },
  };
}
