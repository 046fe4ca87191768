import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitInit, read, tempTree } from './helpers/cli';

const ROOT = path.join(__dirname, '..');

function sh(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 240_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('install from a release tarball', () => {
  it('npm pack has what the CLI needs; a global install runs on a repository outside the clone without touching its package.json', () => {
    const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-install-')));
    // The suite already built dist (npm test); prepack would build it again.
    const pack = sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], ROOT);
    expect(pack.code, pack.stderr).toBe(0);
    const [info] = JSON.parse(pack.stdout);
    const packed: string[] = info.files.map((f: { path: string }) => f.path);
    expect(packed).toContain('bin/shipshape.js');
    expect(packed).toContain('dist/src/cli.js');
    expect(packed.some((p) => p.startsWith('test/') || p.startsWith('src/') || p.startsWith('dist/bench/'))).toBe(false);

    const prefix = path.join(tmp, 'prefix');
    // From the npm cache the suite's own install filled; only runtime dependencies are installed.
    const install = sh('npm', ['install', '-g', '--prefix', prefix, path.join(tmp, info.filename), '--prefer-offline', '--no-audit', '--no-fund'], tmp);
    expect(install.code, install.stderr).toBe(0);
    const installed = path.join(prefix, 'lib', 'node_modules');
    expect(fs.existsSync(path.join(installed, 'shipshape', 'dist', 'src', 'cli.js'))).toBe(true);
    expect(fs.existsSync(path.join(installed, 'vitest'))).toBe(false);
    expect(fs.existsSync(path.join(installed, 'shipshape', 'node_modules', 'vitest'))).toBe(false);

    const pkg = JSON.stringify({ name: 'svc', version: '1.0.0', dependencies: { express: '^4.0.0' } }, null, 2) + '\n';
    const repo = tempTree({
      'package.json': pkg,
      'shipshape.config.json': JSON.stringify({ transforms: { 'console-to-logger': { import: './src/logger' } } }),
      'src/logger.js': 'module.exports.logger = { info() {}, warn() {}, error() {} };\n',
      'src/app.js': "console.log('started');\n",
    });
    gitInit(repo);
    const bin = path.join(prefix, 'bin', 'shipshape');
    const run = sh(bin, ['run', '-t', 'console-to-logger', '--write'], repo);
    expect(run.code, run.stderr).toBe(0);
    expect(read(repo, 'src/app.js')).toContain("logger.info('started')");
    expect(read(repo, 'package.json')).toBe(pkg);
    expect(fs.existsSync(path.join(repo, 'node_modules'))).toBe(false);
    expect(fs.existsSync(path.join(repo, 'package-lock.json'))).toBe(false);
  }, 240_000);
});
