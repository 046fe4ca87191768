import path from 'node:path';
import type { Config } from '../config/load';
import { isJsLike } from '../engine/parser';
import { walk, type Listings } from '../runner/walk';
import { deployFactsOf, deployFileKind, parseDeployFiles, withCompiledSources, type DeployFiles } from './deploy';
import { findBuildCommands } from './docker-context';
import { splitEntries } from './entry-roles';
import { entryPoints, sourceOf } from './entries';
import { factsOf, parseForFacts, type ParsedFile } from './facts';
import type { FileFactsCache } from './facts-cache';
import { reachable, resolveFile, resolveSpecifier } from './graph';
import { readPackageFacts } from './package';
import { readText } from './read';
import { roleOf } from './roles';
import { entryScripts, scriptTest } from './scripts';
import { discoverServices, serviceLookup, ROOT_SERVICE, type Service } from './services';
import { sourceRootOfGraph } from './source-root';
import { readTsconfig } from './tsconfig';
import type { EntryPoint, FileRole, FleetModel, Language, ModuleSystem, ServiceModel, TsconfigFacts } from './types';

export interface BuildFleetOptions {
  /** The services of the run (default: discovered from the config). */
  services?: Service[];
  /**
   * The run's files (absolute): each JS/TS one gets a role (default: every one below the root), and
   * so does each other one an entry runs as JavaScript (`bin/www`, see scripts.ts).
   */
  files?: string[];
  /** Reads a file (the runner's cache); default: from disk. */
  read?(abs: string): string | undefined;
  /** The run's folder listings: the inventory walk reads no folder discovery already read. */
  listings?: Listings;
  /** Each file's tree facts from earlier runs (src/fleet/facts-cache.ts): only changed files are parsed. */
  factsCache?: FileFactsCache;
}

/** What one walk of the fleet root finds: every JS/TS file (for resolution) and the deployment files. */
interface Inventory {
  code: Set<string>;
  deploy: DeployFiles;
}

function inventory(root: string, extra: string[], listings?: Listings): Inventory {
  const code = new Set<string>(extra.filter(isJsLike));
  const deploy: DeployFiles = { dockerfiles: [], compose: [], manifests: [], ecs: [] };
  walk(root, {
    listings,
    enter: (rel) => !rel.split('/').pop()!.startsWith('.') || rel.endsWith('.k8s'),
    file(abs, rel) {
      if (isJsLike(abs)) {
        if (!abs.endsWith('.d.ts')) code.add(abs);
        return;
      }
      const kind = deployFileKind(rel);
      if (kind) deploy[kind].push(abs);
    },
  });
  return { code, deploy };
}

function languageOf(tsconfig: TsconfigFacts | undefined, own: string[]): Language {
  if (tsconfig) return 'typescript';
  return own.some((f) => /\.[cm]?tsx?$/.test(f)) ? 'typescript' : 'javascript';
}

function moduleSystemOf(type: string | undefined, tsconfig: TsconfigFacts | undefined): ModuleSystem {
  if (type === 'module') return 'esm';
  // TypeScript compiled for ESM without `type: module` would not load in Node; CommonJS is what runs.
  return tsconfig?.module && /^es|^node(16|next)$/i.test(tsconfig.module) && type === 'module' ? 'esm' : 'commonjs';
}

/** Where a service's new modules go: tsconfig rootDir, else the top folder of its first entry (`src`), else its folder. */
function sourceRootOf(dir: string, tsconfig: TsconfigFacts | undefined, entries: string[], exists: (p: string) => boolean): string {
  if (tsconfig?.rootDir && tsconfig.rootDir.startsWith(dir)) return tsconfig.rootDir;
  const entry = entries.find((e) => e.startsWith(dir + path.sep));
  if (entry) {
    const top = path.relative(dir, entry).split(path.sep);
    // `bin/` holds starters (the Express generator's bin/www) that require the code from above them.
    return top.length > 1 && top[0] !== 'bin' ? path.join(dir, top[0]) : dir;
  }
  return exists(path.join(dir, 'src')) ? path.join(dir, 'src') : dir;
}

/**
 * parseForFacts, once per file for a file in several services' runtimes (a workspace package each
 * service loads): its tree is read-only, so every service reads the same one. Others are not kept
 * past their service's facts.
 */
function parsedOnce(runtimes: string[][]): (file: string, source: string) => ParsedFile {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const files of runtimes) for (const f of new Set(files)) (seen.has(f) ? shared : seen).add(f);
  const kept = new Map<string, ParsedFile>();
  return (file, source) => {
    if (!shared.has(file)) return parseForFacts(file, source);
    let p = kept.get(file);
    if (p?.source !== source) kept.set(file, (p = parseForFacts(file, source)));
    return p;
  };
}

/**
 * The fleet model of a run: every service with its package, tsconfig, deployment, build context,
 * entry points, runtime graph and facts, and the role of every JS/TS file of the run. Reads files;
 * never runs them.
 */
export function buildFleet(config: Config, opts: BuildFleetOptions = {}): FleetModel {
  const started = performance.now();
  const root = config.dir;
  const services = opts.services ?? discoverServices(config);
  const serviceOf = serviceLookup(services);
  const runFiles = (opts.files ?? []).filter(isJsLike);
  const read = opts.read ?? readText;
  const inv = inventory(root, runFiles, opts.listings);
  const folders = new Set<string>();
  for (const f of inv.code) for (let d = path.dirname(f); d.length >= root.length && !folders.has(d); d = path.dirname(d)) folders.add(d);
  const exists = (abs: string) => inv.code.has(abs) || folders.has(abs);
  const script = scriptTest(read);
  const parsedDeploy = parseDeployFiles(inv.deploy, read, () => findBuildCommands(root, services.map((s) => s.dir)));

  // Without the run's files (`shipshape services`), every JS/TS file the walk found gets a role.
  const roleFiles = opts.files ? runFiles : [...inv.code].sort();
  const filesOf = new Map<Service, string[]>(services.map((s) => [s, []]));
  for (const f of roleFiles) filesOf.get(serviceOf(f))!.push(f);

  // Boundary, build context and entry points of each service.
  const models: ServiceModel[] = services.map((s) => {
    const pkg = readPackageFacts(s.dir, root);
    const tsconfig = readTsconfig(s.dir, root);
    const { deploy, buildContext } = deployFactsOf({ service: s, root, files: inv.deploy, read, parsed: parsedDeploy });
    const entries = s.name === ROOT_SERVICE && services.length > 1 && !pkg?.scripts.start ? [] : entryPoints({ dir: s.dir, package: pkg, tsconfig, deploy, exists, script });
    const own = filesOf.get(s)!;
    const sourceRoot = sourceRootOf(s.dir, tsconfig, entries.map((e) => e.file), exists);
    return {
      ...s,
      isNode: !!pkg || own.length > 0,
      language: languageOf(tsconfig, own),
      moduleSystem: moduleSystemOf(pkg?.type, tsconfig),
      ...(pkg ? { package: pkg } : {}),
      ...(tsconfig ? { tsconfig } : {}),
      deploy,
      buildContext: withCompiledSources(buildContext, sourceRoot, tsconfig?.outDir, exists),
      entries,
      workspaceDeps: {},
      sourceRoot,
      facts: { apps: [], correlation: [], signals: [], resources: [], outgoing: [], routes: [] },
      roleCounts: {},
    };
  });
  const byPackage = new Map(models.filter((m) => m.package?.name && m.name !== ROOT_SERVICE).map((m) => [m.package!.name!, m]));
  for (const m of models) {
    for (const dep of Object.keys({ ...m.package?.dependencies, ...m.package?.devDependencies })) {
      const target = byPackage.get(dep);
      if (target && target !== m) m.workspaceDeps[dep] = target.dir;
    }
  }
  const modelByService = new Map(services.map((s, i) => [s, models[i]]));
  // Entry scripts are code from here on: modules resolve them, and those of the run get a role.
  const runOthers = opts.files ? new Set(opts.files.filter((f) => !isJsLike(f))) : null;
  for (const f of new Set(models.flatMap(entryScripts))) {
    inv.code.add(f);
    const own = filesOf.get(serviceOf(f))!;
    if ((!runOthers || runOthers.has(f)) && !own.includes(f)) own.push(f);
  }

  // The runtime graph of each service, through its workspace packages.
  const workspaceEntry = (target: ServiceModel, subpath: string) => {
    if (subpath) return resolveFile(path.join(target.dir, subpath), exists) ?? resolveFile(path.join(target.dir, 'src', subpath), exists);
    const main = target.entries.find((e) => e.from === 'main' || e.from === 'exports')?.file;
    return main ?? resolveFile(path.join(target.dir, 'src', 'index'), exists) ?? resolveFile(path.join(target.dir, 'index'), exists);
  };
  const resolveFrom = (m: ServiceModel) => {
    const ts = m.tsconfig;
    const ctx = {
      exists,
      ...(ts?.paths && ts.baseUrl ? { paths: { baseUrl: ts.baseUrl, paths: ts.paths } } : {}),
      workspace: (name: string, sub: string) => (m.workspaceDeps[name] ? workspaceEntry(byPackage.get(name)!, sub) : undefined),
    };
    return (spec: string, from: string) => {
      const found = resolveSpecifier(spec, from, ctx);
      // A compiled path (`../dist/x`) stands for its source.
      return found ? (sourceOf(found, { dir: m.dir, tsconfig: ts, package: m.package, deploy: m.deploy, exists }) ?? found) : undefined;
    };
  };
  const graphs = new Map<ServiceModel, Set<string>>();
  // What only a service's tools (its `bin` commands beside a start) reach: file → the entry that reaches it.
  const toolGraphs = new Map<ServiceModel, Map<string, EntryPoint>>();
  const inSomeGraph = new Map<string, ServiceModel>();
  for (const m of models) {
    if (m.entries.length === 0) continue;
    const { runtime, tooling } = splitEntries(m.entries);
    const graph = reachable(runtime.map((e) => e.file), read, resolveFrom(m));
    graphs.set(m, graph);
    for (const f of graph) if (!inSomeGraph.has(f)) inSomeGraph.set(f, m);
    const tools = new Map<string, EntryPoint>();
    for (const e of tooling) for (const f of reachable([e.file], read, resolveFrom(m))) if (!graph.has(f) && !tools.has(f)) tools.set(f, e);
    if (tools.size) toolGraphs.set(m, tools);
  }

  for (const m of models) m.sourceRoot = sourceRootOfGraph(m, graphs.get(m));

  // Roles: a file reached from any service's entries is runtime (a workspace package's file is
  // runtime for the service that uses it), else what its path, content and package say.
  const roles: Record<string, FileRole> = {};
  const roleReasons: Record<string, string> = {};
  for (const s of services) {
    const m = modelByService.get(s)!;
    const graph = graphs.get(m);
    const usedBy = (f: string) => inSomeGraph.get(f);
    for (const f of filesOf.get(s)!) {
      const user = usedBy(f);
      const verdict = roleOf(f, {
        dir: s.dir,
        package: m.package,
        graph: user ? new Set([f]) : (graph ?? null),
        ...(toolGraphs.get(m)?.has(f) ? { tool: toolGraphs.get(m)!.get(f)!.detail } : {}),
        guessed: m.entries.every((e) => e.from === 'convention'),
        ...(m.tsconfig?.outDir ? { outDir: m.tsconfig.outDir } : {}),
        read,
        exists,
      });
      if (verdict.role === 'runtime' && user && user !== m) verdict.reason = `used by ${user.name} (workspace package)`;
      roles[f] = verdict.role;
      roleReasons[f] = verdict.reason;
      m.roleCounts[verdict.role] = (m.roleCounts[verdict.role] ?? 0) + 1;
    }
  }
  // Facts come from the files the process loads: its graph, or its runtime files without entries.
  const runtimes = services.map((s, i) => [...(graphs.get(models[i]) ?? filesOf.get(s)!.filter((f) => roles[f] === 'runtime'))]);
  const parse = parsedOnce(runtimes);
  services.forEach((_, i) => {
    models[i].facts = factsOf(models[i], runtimes[i], read, parse, opts.factsCache);
  });
  opts.factsCache?.save();
  // `(root)` last, as discovery orders it.
  models.sort((a, b) => Number(a.name === ROOT_SERVICE) - Number(b.name === ROOT_SERVICE));
  return { root, services: models, roles, roleReasons, buildMs: performance.now() - started };
}
