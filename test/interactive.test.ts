import fs from 'node:fs';
import path from 'node:path';
import * as pty from 'node-pty';
import { describe, expect, it } from 'vitest';
import { segmentsOf } from '../src/report/hunks';
import { partialResult } from '../src/review/interactive';
import { BIN, LOGGER_CONFIG, git, gitInit, read, shipshape, tempTree } from './helpers/cli';

const A = ["'use strict';", '', 'function a() {', "  console.log('one');", '}', '', 'function b() {', "  console.log('two');", '}', '', 'module.exports = { a, b };', ''].join('\n');
const B = "console.log('b');\n";

function env(): Record<string, string> {
  const out: Record<string, string> = { ...(process.env as Record<string, string>), NO_COLOR: '1' };
  delete out.FORCE_COLOR;
  return out;
}

/** A pseudo-terminal running shipshape: type keys, read the screen. */
function terminal(cwd: string, args: string[]) {
  const term = pty.spawn(process.execPath, [BIN, ...args], { cwd, cols: 120, rows: 40, env: env() });
  let screen = '';
  term.onData((d) => (screen += d));
  const exited = new Promise<number>((resolve) => term.onExit(({ exitCode }) => resolve(exitCode)));
  let seen = 0;
  /** Waits until `text` appears after what the last wait consumed. */
  const waitFor = async (text: string) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const at = screen.indexOf(text, seen);
      if (at >= 0) {
        seen = at + text.length;
        return screen.slice(0, seen);
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${JSON.stringify(text)}; screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return { type: (k: string) => term.write(k), waitFor, exited, screen: () => screen };
}

const PROMPT = 'Apply this hunk [y,n,a,d,q,?]? ';

describe('--interactive through a pseudo-terminal', () => {
  it('offers hunk by hunk; y/n/? and q decide; exactly the accepted hunks are written, per file', async () => {
    const dir = tempTree({ 'shipshape.config.json': LOGGER_CONFIG, 'src/logger.js': 'module.exports.logger = { info() {} };\n', 'src/a.js': A, 'src/b.js': B });
    gitInit(dir);
    const t = terminal(dir, ['run', '-i', '-t', 'console-to-logger', '--jobs', '1']);
    const first = await t.waitFor(PROMPT);
    expect(first).toContain('src/a.js  hunk 1/3');
    expect(first).toMatch(/\+const \{ logger \} = require\('\.\/logger'\);/);
    t.type('?');
    expect(await t.waitFor(PROMPT)).toContain('a - apply this hunk and every later hunk of this file');
    t.type('y');
    expect(await t.waitFor(PROMPT)).toContain("-  console.log('one');");
    t.type('y');
    expect(await t.waitFor(PROMPT)).toContain("+  logger.info('two');");
    t.type('n');
    expect(await t.waitFor(PROMPT)).toContain('src/b.js  hunk 1/');
    t.type('q');
    expect(await t.exited).toBe(0);
    expect(t.screen()).toContain('2 hunks applied, 2 skipped; 1 file written');
    const a = read(dir, 'src/a.js');
    expect(a).toContain("const { logger } = require('./logger');");
    expect(a).toContain("logger.info('one');");
    expect(a).toContain("console.log('two');");
    expect(read(dir, 'src/b.js')).toBe(B);
    expect(git(dir, 'status', '--porcelain')).toBe(' M src/a.js\n');
  }, 90_000);

  it('a accepts the rest of a file', async () => {
    const dir = tempTree({ 'shipshape.config.json': LOGGER_CONFIG, 'src/logger.js': 'module.exports.logger = { info() {} };\n', 'src/a.js': A });
    gitInit(dir);
    const t = terminal(dir, ['run', '-i', '-t', 'console-to-logger', '--jobs', '1']);
    await t.waitFor(PROMPT);
    t.type('a');
    expect(await t.exited).toBe(0);
    const whole = tempTree({ 'shipshape.config.json': LOGGER_CONFIG, 'src/logger.js': 'module.exports.logger = { info() {} };\n', 'src/a.js': A });
    shipshape(whole, ['run', '-t', 'console-to-logger', '--write', '--allow-dirty']);
    expect(read(dir, 'src/a.js')).toBe(read(whole, 'src/a.js'));
  }, 90_000);

  it('refuses without a TTY: exit 2 and a clear message', () => {
    const dir = tempTree({ 'shipshape.config.json': LOGGER_CONFIG, 'src/logger.js': 'module.exports.logger = {};\n', 'src/b.js': B });
    const r = shipshape(dir, ['run', '-i', '-t', 'console-to-logger']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--interactive needs a terminal');
    expect(read(dir, 'src/b.js')).toBe(B);
  });

  it('a partly accepted file that would not parse is not written', () => {
    const original = 'f(1);\n  g();\nh(2);\n';
    const output = 'f(() => {\n  g();\n});\n';
    const segments = segmentsOf(original, output);
    const partial = partialResult(path.join('/x', 'a.js'), segments, [true, false]);
    expect('error' in partial && partial.error).toMatch(/do not parse without the others/);
    expect(partialResult('/x/a.js', segments, [true, true])).toEqual({ text: output });
    expect(fs.existsSync('/x/a.js')).toBe(false);
  });
});
