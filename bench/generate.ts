import fs from 'node:fs';
import path from 'node:path';
import { dialectOf, type Dialect } from './dialect';
import { Random } from './random';
import {
  appFile,
  composeFile,
  configFile,
  dockerfile,
  k8sDeployment,
  middlewareFile,
  MIDDLEWARE,
  modelFile,
  packageJson,
  repositoryFile,
  resources,
  routerFile,
  serverFile,
  serviceFile,
  testFile,
  utilFile,
  UTILS,
  validatorFile,
  type FileContext,
  type Resource,
} from './templates';

export interface Shape {
  services: number;
  /** JS/TS files per service; each service also gets a package.json, a Dockerfile and a k8s manifest. */
  filesPerService: number;
  /** Share of JS/TS files that call console (0..1). */
  density: number;
}

/** The two shapes of the issue: a big product monorepo, and a service fleet before migration. */
export const SHAPES: Record<'sparse' | 'dense', Shape> = {
  sparse: { services: 100, filesPerService: 77, density: 0.02 },
  dense: { services: 50, filesPerService: 27, density: 1 },
};

export interface GenerateOptions extends Shape {
  seed: number;
  /** Folder to fill (created; must be empty or absent). */
  dir: string;
  /** Written as shipshape.config.json at the root when given. */
  config?: Record<string, unknown>;
}

export interface GeneratedTree {
  dir: string;
  /** Every file written. */
  files: number;
  bytes: number;
  /** JS/TS files: what both tools parse when a prefilter lets them through. */
  codeFiles: number;
  codeBytes: number;
  /** JS/TS files that call console. */
  consoleFiles: number;
}

type Slot =
  | { kind: 'app' | 'server' | 'config' }
  | { kind: 'middleware'; name: (typeof MIDDLEWARE)[number] }
  | { kind: 'util'; name: (typeof UTILS)[number] }
  | { kind: 'model' | 'repository' | 'service' | 'validator' | 'router' | 'test'; res: Resource };

const CLUSTER = ['model', 'repository', 'service', 'validator', 'router', 'test'] as const;

/** Which files a service has: entry points, some middleware and utilities, then whole resources. */
function planService(r: Random, n: number): { slots: Slot[]; routed: Resource[]; middleware: string[] } {
  const slots: Slot[] = [{ kind: 'app' }, { kind: 'server' }, { kind: 'config' }];
  const middleware = r.sample(MIDDLEWARE, r.int(1, 3));
  for (const name of middleware) slots.push({ kind: 'middleware', name });
  // Services import utils/retry, so it always exists.
  const utils = ['retry' as const, ...r.sample(UTILS.filter((u) => u !== 'retry'), r.int(1, 4))];
  for (const name of utils) slots.push({ kind: 'util', name });
  slots.splice(Math.min(n, slots.length));
  const left = n - slots.length;
  const count = Math.ceil(left / CLUSTER.length);
  const pool = resources(r, Math.min(count, 40));
  const all: Resource[] = [];
  for (let i = 0; i < count; i++) {
    const base = pool[i % pool.length];
    const round = Math.floor(i / pool.length);
    // Beyond 40 resources, names repeat with a number: order2, Order2.
    all.push(round === 0 ? base : { ...base, one: `${base.one}${round + 1}`, many: `${base.many}${round + 1}`, Type: `${base.Type}${round + 1}` });
  }
  const routed: Resource[] = [];
  for (const res of all) {
    for (const kind of CLUSTER) {
      if (slots.length >= n) break;
      slots.push({ kind, res });
      if (kind === 'router') routed.push(res);
    }
  }
  return { slots, routed, middleware };
}

function pathOf(slot: Slot, d: Dialect): string {
  const ext = d.ext;
  switch (slot.kind) {
    case 'app':
    case 'server':
    case 'config':
      return `src/${slot.kind}${ext}`;
    case 'middleware':
      return `src/middleware/${slot.name}${ext}`;
    case 'util':
      return `src/utils/${slot.name}${ext}`;
    case 'model':
      return `src/models/${slot.res.one}${ext}`;
    case 'repository':
      return `src/repositories/${slot.res.one}-repository${ext}`;
    case 'service':
      return `src/services/${slot.res.one}-service${ext}`;
    case 'validator':
      return `src/validators/${slot.res.one}${ext}`;
    case 'router':
      return `src/routes/${slot.res.many}${ext}`;
    case 'test':
      return `test/${slot.res.many}.test${ext}`;
  }
}

function render(slot: Slot, c: FileContext, routed: Resource[], middleware: string[]): string {
  switch (slot.kind) {
    case 'app':
      return appFile(c, routed, middleware);
    case 'server':
      return serverFile(c);
    case 'config':
      return configFile(c, routed);
    case 'middleware':
      return middlewareFile(c, slot.name);
    case 'util':
      return utilFile(c, slot.name);
    case 'model':
      return modelFile(c, slot.res);
    case 'repository':
      return repositoryFile(c, slot.res);
    case 'service':
      return serviceFile(c, slot.res);
    case 'validator':
      return validatorFile(c, slot.res);
    case 'router':
      return routerFile(c, slot.res);
    case 'test':
      return testFile(c, slot.res);
  }
}

function traceHelper(d: Dialect): string {
  const sig = d.ts ? '(label: string, value: unknown): void' : '(label, value)';
  return `\n${d.esm ? 'export ' : ''}function trace${sig} {\n  if (process.env.TRACE) console.debug(label, JSON.stringify(value));\n}\n${d.esm ? '' : '\nmodule.exports.trace = trace;\n'}`;
}

const PREFIXES = ['billing', 'checkout', 'catalog', 'identity', 'search', 'inventory', 'shipping', 'pricing', 'ledger', 'support', 'messaging', 'analytics', 'partner', 'loyalty', 'fraud', 'media'];
const SUFFIXES = ['api', 'service', 'worker', 'gateway', 'svc', 'backend'];

/**
 * Writes a monorepo of `services` Express services, the same for the same seed: TypeScript ESM,
 * CommonJS and ESM JavaScript, with Dockerfiles, Kubernetes manifests and a compose file.
 */
export function generate(opts: GenerateOptions): GeneratedTree {
  const r = new Random(opts.seed);
  const out: GeneratedTree = { dir: opts.dir, files: 0, bytes: 0, codeFiles: 0, codeBytes: 0, consoleFiles: 0 };
  const made = new Set<string>();
  const write = (rel: string, text: string, code = false) => {
    const abs = path.join(opts.dir, rel);
    const parent = path.dirname(abs);
    if (!made.has(parent)) {
      fs.mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    fs.writeFileSync(abs, text);
    const size = Buffer.byteLength(text);
    out.files++;
    out.bytes += size;
    if (code) {
      out.codeFiles++;
      out.codeBytes += size;
      if (text.includes('console.')) out.consoleFiles++;
    }
  };

  const names: { name: string; port: number }[] = [];
  for (let i = 0; i < opts.services; i++) {
    const base = `${PREFIXES[i % PREFIXES.length]}-${SUFFIXES[Math.floor(i / PREFIXES.length) % SUFFIXES.length]}`;
    const round = Math.floor(i / (PREFIXES.length * SUFFIXES.length));
    const name = round === 0 ? base : `${base}-${round + 1}`;
    const port = 3000 + i;
    names.push({ name, port });
    const roll = r.next();
    const d = dialectOf(roll < 0.5 ? 'ts-esm' : roll < 0.8 ? 'js-cjs' : 'js-esm', r.chance(0.5));
    const dir = `services/${name}`;
    const { slots, routed, middleware } = planService(r, opts.filesPerService);
    for (const slot of slots) {
      const c: FileContext = { d, r, logs: r.chance(opts.density), service: name, port };
      let text = render(slot, c, routed, middleware);
      // Templates log where real code does; a file that must log but has no such spot gets a trace helper.
      if (c.logs && !text.includes('console.')) text += traceHelper(d);
      write(`${dir}/${pathOf(slot, d)}`, text, true);
    }
    const c: FileContext = { d, r, logs: false, service: name, port };
    write(`${dir}/package.json`, packageJson(c));
    write(`${dir}/Dockerfile`, dockerfile(c, d.ts));
    write(`${dir}/k8s/deployment.yaml`, k8sDeployment(c));
    if (d.ts) write(`${dir}/tsconfig.json`, JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { outDir: 'dist' }, include: ['src', 'test'] }, null, 2) + '\n');
  }
  write('package.json', JSON.stringify({ name: 'acme-fleet', private: true, workspaces: ['services/*'] }, null, 2) + '\n');
  write('tsconfig.base.json', JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', strict: true } }, null, 2) + '\n');
  write('docker-compose.yml', composeFile(names));
  write('.gitignore', 'node_modules\ndist\ncoverage\n');
  if (opts.config) write('shipshape.config.json', JSON.stringify(opts.config, null, 2) + '\n');
  return out;
}

/** `--name value` and `--flag` pairs; a bare flag is `true`. */
export function parseFlags(argv: string[]): Record<string, string | true> {
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument '${arg}' (flags are --name value)`);
    const eq = arg.indexOf('=');
    if (eq > 0) {
      flags[arg.slice(2, eq)] = arg.slice(eq + 1);
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      flags[arg.slice(2)] = argv[++i];
    } else {
      flags[arg.slice(2)] = true;
    }
  }
  return flags;
}

export function numberFlag(flags: Record<string, string | true>, name: string, fallback: number, check: (n: number) => boolean = (n) => n >= 0): number {
  const raw = flags[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw === true || !Number.isFinite(n) || !check(n)) throw new Error(`--${name}: expected a number, got ${JSON.stringify(raw)}`);
  return n;
}

/** Shape from --shape plus --services / --files-per-service / --density overrides. */
export function shapeFromFlags(flags: Record<string, string | true>, base: Shape): Shape {
  return {
    services: numberFlag(flags, 'services', base.services, (n) => Number.isInteger(n) && n >= 1),
    filesPerService: numberFlag(flags, 'files-per-service', base.filesPerService, (n) => Number.isInteger(n) && n >= 1),
    density: numberFlag(flags, 'density', base.density, (n) => n >= 0 && n <= 1),
  };
}

function main(): void {
  const flags = parseFlags(process.argv.slice(2));
  if (flags.help || typeof flags.out !== 'string') {
    process.stdout.write('usage: node dist/bench/generate.js --out <dir> [--shape sparse|dense] [--services N] [--files-per-service M] [--density 0..1] [--seed S]\n');
    process.exitCode = flags.help ? 0 : 2;
    return;
  }
  const shapeName = (flags.shape ?? 'sparse') as string;
  if (shapeName !== 'sparse' && shapeName !== 'dense') throw new Error(`--shape: expected sparse or dense, got ${shapeName}`);
  const tree = generate({ ...shapeFromFlags(flags, SHAPES[shapeName]), seed: numberFlag(flags, 'seed', 1), dir: path.resolve(flags.out) });
  process.stdout.write(
    `${tree.dir}: ${tree.files} files, ${(tree.bytes / 1e6).toFixed(1)} MB; ${tree.codeFiles} JS/TS files, ${tree.consoleFiles} with console calls\n`,
  );
}

if (require.main === module) main();
