import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';
import { BIN, LOGGER_CONFIG, tempTree } from './helpers/cli';

describe('Ctrl-C during --write', () => {
  it('leaves every file whole (old or new, each parses) and no temp files behind', async () => {
    const files: Record<string, string> = { 'shipshape.config.json': LOGGER_CONFIG, 'src/logger.ts': 'export const logger = console;\n' };
    const body = Array.from({ length: 40 }, (_, i) => `export function f${i}(x: number) {\n  console.log('step ${i}', x);\n  return x + ${i};\n}\n`).join('\n');
    for (let i = 0; i < 300; i++) files[`src/m${i}.ts`] = body;
    const dir = tempTree(files);
    const child = spawn(process.execPath, [BIN, 'run', '-t', 'console-to-logger', '--write', '--jobs', '1', '-q'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Interrupt once the first files have been written.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      const written = fs.readdirSync(path.join(dir, 'src')).some((f) => f.startsWith('m') && fs.readFileSync(path.join(dir, 'src', f), 'utf8').includes('logger.info'));
      if (written) break;
    }
    child.kill('SIGINT');
    const code = await exit;
    expect(code).toBe(130);
    const written = Number(/interrupted; (\d+) files? (?:was|were) written before the interrupt/.exec(stderr)?.[1]);
    const names = fs.readdirSync(path.join(dir, 'src'));
    expect(names.filter((n) => n.includes('.shipshape-'))).toEqual([]);
    for (const n of names) {
      const text = fs.readFileSync(path.join(dir, 'src', n), 'utf8');
      expect(() => parse(text, { sourceType: 'module', plugins: ['typescript'] })).not.toThrow();
      if (n !== 'logger.ts') expect(text === body || !text.includes('console.log')).toBe(true);
    }
    // The run really was cut short: some files are still as they were.
    expect(names.some((n) => fs.readFileSync(path.join(dir, 'src', n), 'utf8') === body)).toBe(true);
    // The count printed is the number of files rewritten on disk.
    expect(written).toBe(names.filter((n) => n !== 'logger.ts' && fs.readFileSync(path.join(dir, 'src', n), 'utf8') !== body).length);
  }, 90_000);
});
