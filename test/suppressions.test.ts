import { describe, expect, it } from 'vitest';
import { LOGGER_CONFIG, read, shipshape, tempTree } from './helpers/cli';

const LOGGER = 'export const logger = { info() {}, warn() {}, error() {}, debug() {} };\n';
const C2L = ['-t', 'console-to-logger'];

describe('suppressions in a run', () => {
  it('.shipshapeignore (gitignore syntax, nested, negation) leaves files out, also with --no-gitignore and outside git; a folder ignored whole', () => {
    const dir = tempTree({
      'shipshape.config.json': LOGGER_CONFIG,
      'src/logger.ts': LOGGER,
      '.shipshapeignore': 'scripts/\n*.cli.ts\n',
      'src/app.ts': "console.log('app');\n",
      'src/tool.cli.ts': "console.log('tool');\n",
      'scripts/seed.ts': "console.log('seed');\n",
      'src/legacy/.shipshapeignore': '*\n!kept.ts\n',
      'src/legacy/old.ts': "console.log('old');\n",
      'src/legacy/kept.ts': "console.log('kept');\n",
    });
    for (const extra of [[], ['--no-gitignore']]) {
      const r = shipshape(dir, ['run', ...C2L, '--json', '-', ...extra]);
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(report.files.filter((f: any) => f.status === 'changed').map((f: any) => f.path)).toEqual(['src/app.ts', 'src/legacy/kept.ts']);
    }
  });

  it('ignore comments are counted per transform in the JSON report and the summary, and --write keeps those lines', () => {
    const app = [
      "console.log('start');",
      '// shipshape-ignore-next-line console-to-logger',
      "console.log('banner');",
      '',
    ].join('\n');
    const dir = tempTree({ 'shipshape.config.json': LOGGER_CONFIG, 'src/logger.ts': LOGGER, 'src/app.ts': app });
    const r = shipshape(dir, ['run', ...C2L, '--json', 'report.json', '--write', '--allow-dirty']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('suppressed: console-to-logger 1');
    const report = JSON.parse(read(dir, 'report.json'));
    expect(report.summary.suppressed).toEqual({ 'console-to-logger': 1 });
    expect(report.files.find((f: any) => f.path === 'src/app.ts').suppressed).toEqual({ 'console-to-logger': 1 });
    const written = read(dir, 'src/app.ts');
    expect(written).toContain("logger.info('start');");
    expect(written).toContain("// shipshape-ignore-next-line console-to-logger\nconsole.log('banner');");
  });
});
