import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectHost, parseProject, type TypeScript } from '../src/verify/typescript';

const requireHere = createRequire(__filename);

/** A separate copy of the compiler module, as each service's own node_modules/typescript gives it. */
function freshTypeScript(): TypeScript {
  const file = requireHere.resolve('typescript');
  const cached = requireHere.cache[file];
  delete requireHere.cache[file];
  try {
    return requireHere(file);
  } finally {
    if (cached) requireHere.cache[file] = cached;
  }
}

/** Code enough for the checker to number many nodes and symbols of the service's own. */
const busy = (n: number) => Array.from({ length: n }, (_, i) => `const v${i}: { a: number; b: string } = { a: ${i}, b: String(${i}) };\nexport const w${i} = v${i}.a + v${i}.b.length;\n`).join('');

/** A service whose program reads the shared typings, with its own code before or after using them. */
function service(root: string, name: string, ownFirst: boolean): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  const use = "import { Stan } from '../shared/stan';\ndeclare const client: Stan;\nclient.on('connect', () => client.close());\n";
  fs.writeFileSync(path.join(dir, 'index.ts'), ownFirst ? `${busy(400)}${use}` : `${use}${busy(400)}client.on('close', () => undefined);\n`);
  // Its own typings of a built-in module, as each service has its own @types/node.
  fs.writeFileSync(path.join(dir, 'node.d.ts'), "declare module 'events' {\n  export class EventEmitter { on(event: string, listener: (...args: any[]) => void): this; }\n}\n");
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [] }, files: ['node.d.ts', 'index.ts'] }));
  return dir;
}

describe('verification: one compiler copy per service', () => {
  it("a service checked after another that loads its own copy of the same TypeScript sees the shared typings as they are (ticketing: TS2339 'on' on Stan)", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-ts-copies-'));
    fs.mkdirSync(path.join(root, 'shared'));
    fs.writeFileSync(
      path.join(root, 'shared', 'stan.d.ts'),
      "import events = require('events');\nexport declare class Stan extends events.EventEmitter { close(): void; }\n",
    );
    const errorsOf = (ts: TypeScript, dir: string) => {
      const program = new ProjectHost(ts, parseProject(ts, path.join(dir, 'tsconfig.json'), [])).program(new Map());
      return program.getSemanticDiagnostics(program.getSourceFile(path.join(dir, 'index.ts'))).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
    };
    const orders = freshTypeScript();
    const tickets = freshTypeScript();
    expect(orders).not.toBe(tickets);
    expect(errorsOf(orders, service(root, 'orders', true))).toEqual([]);
    expect(errorsOf(tickets, service(root, 'tickets', false))).toEqual([]);
  });
});
