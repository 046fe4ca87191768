import { describe, expect, it } from 'vitest';
import { useColor } from '../src/report/color';
import { LOGGER_CONFIG, read, shipshape, tempTree } from './helpers/cli';

const APP = "import express from 'express';\n\nconst app = express();\nconsole.log('ready');\n";
const service = () =>
  tempTree({
    'shipshape.config.json': LOGGER_CONFIG,
    'src/logger.ts': 'export const logger = { info() {}, warn() {}, error() {}, debug() {} };\n',
    'src/app.ts': APP,
    'src/clean.ts': 'export const x = 1;\n',
  });
const C2L = ['-t', 'console-to-logger'];

describe('CLI conventions', () => {
  it('two outputs on stdout are a usage error naming both flags', () => {
    const dir = service();
    for (const [a, b] of [['--json', '--patch'], ['--markdown', '--sarif']]) {
      const r = shipshape(dir, ['run', ...C2L, a, '-', b, '-']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${a} and ${b} both write to stdout`);
      expect(r.stdout).toBe('');
    }
    const one = shipshape(dir, ['run', ...C2L, '--json', '-', '--patch', `${dir}/out.patch`]);
    expect(one.code).toBe(0);
    expect(() => JSON.parse(one.stdout)).not.toThrow();
  });

  it('--list-different / -l prints only the paths that would change and exits 1 when any', () => {
    const dir = service();
    const r = shipshape(dir, ['run', ...C2L, '-l']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('src/app.ts\n');
    expect(read(dir, 'src/app.ts')).toBe(APP);
    const clean = shipshape(dir, ['run', ...C2L, '--list-different', 'src/clean.ts']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('');
    expect(shipshape(dir, ['run', ...C2L, '-l', '--json', '-']).code).toBe(2);
  });

  it('"did you mean" for transform names in -t and describe, also for a shortened name', () => {
    const dir = service();
    expect(shipshape(dir, ['run', '-t', 'consol-to-logger']).stderr).toContain("did you mean 'console-to-logger'?");
    const d = shipshape(dir, ['describe', 'healthz']);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain("did you mean 'healthz-to-health'?");
    expect(shipshape(dir, ['describe', 'grcefl-shutdown']).stderr).toContain("did you mean 'graceful-shutdown'?");
  });

  it('help has no "(default: [])" noise', () => {
    const r = shipshape(service(), ['run', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--list-different');
    expect(r.stdout).not.toContain('(default: [])');
  });

  it('FORCE_COLOR is honoured as well as NO_COLOR, and beats it as in Node', () => {
    const tty = { isTTY: true };
    const pipe = { isTTY: false };
    expect(useColor('auto', pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor('auto', tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColor('auto', tty, { NO_COLOR: '1' })).toBe(false);
    expect(useColor('auto', tty, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(true);
    expect(useColor('auto', tty, { NO_COLOR: '' })).toBe(true);
    expect(useColor('never', tty, { FORCE_COLOR: '1' })).toBe(false);
    expect(useColor('auto', pipe, {})).toBe(false);
    // End to end: a diff through a pipe is coloured under FORCE_COLOR.
    const r = shipshape(service(), ['run', ...C2L], { FORCE_COLOR: '1' });
    expect(r.stdout).toContain('\u001b[');
  });
});

describe('manual-item lines', () => {
  it('refer to the file on disk after the run: the original in a dry run, the written file under --write', () => {
    const source = "console.log('a');\nconsole.table([1]);\n";
    const dir = tempTree({ 'shipshape.config.json': LOGGER_CONFIG, 'src/logger.ts': 'export const logger = { info() {} };\n', 'src/app.ts': source });
    const line = (args: string[]) => {
      const r = shipshape(dir, ['run', ...C2L, '--json', '-', ...args]);
      const item = JSON.parse(r.stdout).files.find((f: any) => f.path === 'src/app.ts').manual[0];
      return { item, stderr: r.stderr };
    };
    const dry = line([]);
    expect(dry.item.line).toBe(2);
    expect(source.split('\n')[dry.item.line - 1]).toContain('console.table');
    const written = line(['--write', '--allow-dirty']);
    const after = read(dir, 'src/app.ts');
    expect(after.split('\n')[0]).toMatch(/^import/);
    expect(after.split('\n')[written.item.line - 1]).toContain('console.table');
    expect(written.item.line).toBe(3);
  });

  it('the dry-run summary says which file the lines are of', () => {
    const dir = tempTree({ 'shipshape.config.json': LOGGER_CONFIG, 'src/logger.ts': 'export const logger = { info() {} };\n', 'src/app.ts': "console.log('a');\nconsole.table([1]);\n" });
    expect(shipshape(dir, ['run', ...C2L]).stderr).toContain('manual-item lines are those of the files as they are now; under --write, of the written files');
  });
});
