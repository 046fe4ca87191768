import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/config/options';
import { transformFile } from '../src/engine/transform-file';
import { loggerScaffold } from '../src/scaffold/logger';
import { consoleToLogger } from '../transforms/console-to-logger';
import { makeService } from './helpers/service';

/**
 * pino prints an Error with its message and stack only under `err`; under any other key it prints
 * `{}` (seen: `console.error(new ApiInternalServerException(message))` became
 * `{ apiInternalServerException: … }` on a Nest service with pino). Errors built inline go under
 * `err`, and the pino module shipshape scaffolds serialises an Error under any key.
 */
const NODE_MODULES = path.join(__dirname, '..', 'node_modules');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function rewrite(call: string): string {
  const source = `class HttpException extends Error {}\nclass ApiFault extends HttpException {}\nfunction handle(details) {\n  ${call};\n}\n`;
  const options = resolveOptions(consoleToLogger, { import: './logger', style: 'pino', correlationId: false }, 'test');
  const r = transformFile({ path: '/r/src/a.js', relPath: 'src/a.js', root: '/r', source }, [consoleToLogger], { 'console-to-logger': options });
  expect(r.manual).toEqual([]);
  return r.output!;
}

function printed(code: string): any {
  let out = '';
  const stream = new Writable({ write: (c, _e, done) => ((out += c), done()) });
  const body = code.replace(/^.*require\(.*\n/m, '') + '\nhandle({ cart: "c-1" });';
  new Function('logger', body)(pino(stream));
  return JSON.parse(out);
}

describe('Errors built inline under pino', () => {
  for (const call of ["console.error(new HttpException('gateway down'))", "console.error('Upstream failed', new ApiFault('gateway down'), details)", "console.error('Upstream failed', new TypeError('gateway down'))"]) {
    it(`${call}: message and stack are in the line`, () => {
      const line = printed(rewrite(call));
      expect(line.err).toMatchObject({ message: 'gateway down', stack: expect.stringContaining('gateway down') });
    });
  }
});

describe('the scaffolded pino logger', () => {
  it('prints an Error under any key with its message and stack, in a real process', () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-pino-')));
    dirs.push(dir);
    fs.symlinkSync(NODE_MODULES, path.join(dir, 'node_modules'));
    const scaffold = loggerScaffold(makeService({ dir, sourceRoot: dir, language: 'javascript', moduleSystem: 'commonjs', package: { name: 'svc', dependencies: { pino: '^9' } } as any }));
    expect(scaffold.library).toBe('pino');
    fs.writeFileSync(scaffold.path, scaffold.content);
    const script = "const { logger } = require('./logger'); const meta = { cause: new Error('disk full'), id: 7 }; logger.error(meta, 'write failed'); if (!(meta.cause instanceof Error)) process.exit(3);";
    const res = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
    expect(res.status, res.stderr).toBe(0);
    const line = JSON.parse(res.stdout.trim());
    expect(line).toMatchObject({ msg: 'write failed', id: 7, cause: { message: 'disk full', stack: expect.stringContaining('disk full') } });
  });
});
