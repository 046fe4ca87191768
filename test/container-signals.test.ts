import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { transformFile } from '../src/engine/transform-file';
import { containerSignals } from '../transforms/container-signals';

/** container-signals on real files: package.json scripts are read from the service folder. */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-container-signals-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

let n = 0;
function service(scripts: Record<string, string>, more: Record<string, unknown> = {}): string {
  const dir = path.join(root, `svc${n++}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'svc', scripts, ...more }));
  return dir;
}

function run(dir: string, file: string, source: string) {
  const abs = path.join(dir, file);
  fs.writeFileSync(abs, source);
  const input = { path: abs, relPath: path.relative(root, abs), root, source };
  const first = transformFile(input, [containerSignals], { 'container-signals': {} });
  expect(first.error).toBeUndefined();
  const code = first.output ?? source;
  const second = transformFile({ ...input, source: code }, [containerSignals], { 'container-signals': {} });
  expect(second.output ?? code).toBe(code);
  return { code, manual: first.manual.map((m) => ({ line: m.line, message: m.message })), count: first.changes['container-signals'] ?? 0 };
}

const START = { start: 'node dist/index.js', build: 'tsc' };

describe('container-signals: Dockerfile', () => {
  it('runs the start script in exec form instead of npm start, leaving every other byte as it was', () => {
    const source = 'FROM node:20-alpine\r\nWORKDIR /app\r\n# the app\r\nCOPY . .\r\nRUN npm ci && npm run build\r\nCMD npm start\r\n';
    const r = run(service(START), 'Dockerfile', source);
    expect(r.code).toBe(source.replace('CMD npm start', 'CMD ["node", "dist/index.js"]'));
    expect(r.count).toBe(1);
  });
  it('resolves npm run, yarn and pnpm scripts, also behind tini, dumb-init or sh -c', () => {
    const scripts = { ...START, 'start:prod': 'node --enable-source-maps dist/main.js', serve: 'npm run start:prod' };
    const dir = service(scripts);
    expect(run(dir, 'Dockerfile', 'FROM node:20\nCMD ["npm", "run", "start:prod"]\n').code).toBe('FROM node:20\nCMD ["node", "--enable-source-maps", "dist/main.js"]\n');
    expect(run(dir, 'Dockerfile', 'FROM node:20\nCMD ["yarn", "serve"]\n').code).toContain('CMD ["node", "--enable-source-maps", "dist/main.js"]');
    expect(run(dir, 'Dockerfile', 'FROM node:20\nENTRYPOINT ["/sbin/tini", "--"]\nCMD pnpm start\n').code).toContain('ENTRYPOINT ["/sbin/tini", "--"]\nCMD ["node", "dist/index.js"]');
    expect(run(dir, 'Dockerfile', 'FROM node:20\nENTRYPOINT ["dumb-init", "npm", "start"]\n').code).toContain('ENTRYPOINT ["dumb-init", "node", "dist/index.js"]');
    expect(run(dir, 'Dockerfile', 'FROM node:20\nCMD ["sh", "-c", "node dist/index.js"]\n').code).toContain('CMD ["node", "dist/index.js"]');
  });
  it('turns a shell-form node command into exec form, and leaves exec form alone', () => {
    const dir = service(START);
    expect(run(dir, 'Dockerfile', 'FROM node:20\ncmd node \\\n  dist/index.js\nEXPOSE 3000\n').code).toBe('FROM node:20\ncmd ["node", "dist/index.js"]\nEXPOSE 3000\n');
    const exec = run(dir, 'Dockerfile', 'FROM node:20\nCMD ["node", "dist/index.js"]\n');
    expect(exec.count).toBe(0);
    expect(exec.manual).toEqual([]);
  });
  it('judges only the final stage', () => {
    const source = 'FROM node:20 AS build\nCMD npm test\nFROM node:20-slim\nCMD ["node", "dist/index.js"]\n';
    expect(run(service(START), 'Dockerfile', source).code).toBe(source);
  });
  it('reports what it cannot rewrite safely, with what to do', () => {
    const dir = service({ ...START, prestart: 'npm run migrate', dev: 'ts-node src/index.ts', both: 'npm run build && node dist/index.js', env: 'NODE_ENV=production node dist/index.js' });
    const cases: [string, RegExp][] = [
      ['CMD npm start', /also runs the prestart script/],
      ['CMD npm run dev', /ts-node.*development runner/],
      ['CMD npm run both', /needs a shell/],
      ['CMD npm run env', /sets environment variables/],
      ['CMD node dist/index.js > /var/log/app.log 2>&1', /under \/bin\/sh -c.*exec form/],
      ['CMD ["npm", "run", "missing"]', /does not have/],
    ];
    for (const [cmd, message] of cases) {
      const r = run(dir, 'Dockerfile', `FROM node:20\n${cmd}\n`);
      expect(r.count).toBe(0);
      expect(r.manual).toEqual([{ line: 2, message: expect.stringMatching(message) }]);
    }
  });
});

describe('container-signals: compose', () => {
  it('rewrites a command that starts through npm, and advises init: true where the code spawns children', () => {
    const api = service(START);
    const worker = service({ start: 'node worker.js' });
    fs.writeFileSync(path.join(worker, 'worker.js'), "const { spawn } = require('child_process');\n");
    const compose = [
      'services:',
      '  api:',
      `    build: ./${path.basename(api)}`,
      '    command: npm start   # started by npm',
      '  worker:',
      '    build:',
      `      context: ./${path.basename(worker)}`,
      '    command:',
      '      - yarn',
      '      - start',
      '  cache:',
      '    image: redis:7',
      '    command: redis-server --appendonly yes',
      '',
    ].join('\n');
    const r = run(root, 'docker-compose.yml', compose);
    expect(r.code).toBe(compose.replace('command: npm start', 'command: ["node", "dist/index.js"]').replace('- yarn\n      - start', '["node", "worker.js"]'));
    expect(r.count).toBe(2);
    expect(r.manual).toEqual([{ line: 5, message: expect.stringContaining('worker spawns child processes (worker.js)') }]);
    const withInit = run(root, 'docker-compose.yml', compose.replace('  worker:\n', '  worker:\n    init: true\n'));
    expect(withInit.manual).toEqual([]);
  });
  it("does not take a package's bin, a CLI of the project, for code the container runs", () => {
    // node-express-boilerplate: bin/createNodejsApp.js scaffolds a project with git and npm.
    const dir = service({ start: 'node src/index.js' }, { main: 'src/index.js', bin: 'bin/create-app.js' });
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'bin/create-app.js'), "#!/usr/bin/env node\nconst { execSync } = require('child_process');\n");
    fs.writeFileSync(path.join(dir, 'src/index.js'), "require('http').createServer().listen(3000);\n");
    const compose = `services:\n  app:\n    build: ./${path.basename(dir)}\n    command: npm start\n`;
    expect(run(root, 'docker-compose.yml', compose).manual).toEqual([]);
    // A package that is only its bin runs it: its children are the container's.
    const cli = service({ start: 'node bin/run.js' }, { bin: { run: 'bin/run.js' } });
    fs.mkdirSync(path.join(cli, 'bin'));
    fs.writeFileSync(path.join(cli, 'bin/run.js'), "const { spawn } = require('child_process');\n");
    const r = run(root, 'docker-compose.yml', `services:\n  job:\n    build: ./${path.basename(cli)}\n    command: npm start\n`);
    expect(r.manual).toEqual([{ line: 2, message: expect.stringContaining('job spawns child processes (bin/run.js)') }]);
  });
  it("reads an override file's script from its own folder (the base file builds it)", () => {
    const dir = service(START);
    const r = run(dir, 'docker-compose.prod.yml', "version: '3'\nservices:\n  app:\n    command: npm start\n");
    expect(r.code).toBe("version: '3'\nservices:\n  app:\n    command: [\"node\", \"dist/index.js\"]\n");
  });
});
