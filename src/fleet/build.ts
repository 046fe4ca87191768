import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/load';
import { isJsLike } from '../engine/parser';
import { readPackageFacts } from './package';
import { readText } from './read';
import { roleOf } from './roles';
import { discoverServices, serviceLookup, ROOT_SERVICE, type Service } from './services';
import type { DeployFacts, FileRole, FleetModel, Language, ModuleSystem, ServiceFacts, ServiceModel } from './types';

export interface BuildFleetOptions {
  /** The services of the run (default: discovered from the config). */
  services?: Service[];
  /** The run's files (absolute): each JS/TS one gets a role. */
  files?: string[];
  /** Reads a file (the runner's cache); default: from disk. */
  read?(abs: string): string | undefined;
}

const DEFAULT_GRACE_SECONDS = 30;

function emptyFacts(): ServiceFacts {
  return { apps: [], correlation: [], signals: [], resources: [], outgoing: [], routes: [] };
}

function emptyDeploy(): DeployFacts {
  return { dockerfiles: [], compose: [], kubernetes: [], gracePeriod: { seconds: DEFAULT_GRACE_SECONDS, source: 'default' } };
}

function languageOf(dir: string, own: string[]): Language {
  if (fs.existsSync(path.join(dir, 'tsconfig.json'))) return 'typescript';
  return own.some((f) => /\.[cm]?tsx?$/.test(f) && !f.endsWith('.d.ts')) ? 'typescript' : 'javascript';
}

function moduleSystemOf(type: string | undefined): ModuleSystem {
  return type === 'module' ? 'esm' : 'commonjs';
}

/** The model of one service, before roles are counted. */
function modelOf(service: Service, fleetRoot: string, own: string[]): ServiceModel {
  const pkg = readPackageFacts(service.dir, fleetRoot);
  const src = path.join(service.dir, 'src');
  return {
    ...service,
    isNode: !!pkg || own.length > 0,
    language: languageOf(service.dir, own),
    moduleSystem: moduleSystemOf(pkg?.type),
    ...(pkg ? { package: pkg } : {}),
    deploy: emptyDeploy(),
    buildContext: [service.dir],
    entries: [],
    workspaceDeps: {},
    sourceRoot: fs.existsSync(src) ? src : service.dir,
    facts: emptyFacts(),
    roleCounts: {},
  };
}

/**
 * The fleet model of a run: every service with its package, build context, entry points, facts,
 * and the role of every JS/TS file of the run. Reads files; never runs them.
 */
export function buildFleet(config: Config, opts: BuildFleetOptions = {}): FleetModel {
  const started = performance.now();
  const services = opts.services ?? discoverServices(config);
  const serviceOf = serviceLookup(services);
  const code = (opts.files ?? []).filter(isJsLike);
  const filesOf = new Map<Service, string[]>(services.map((s) => [s, []]));
  for (const f of code) filesOf.get(serviceOf(f))!.push(f);
  const read = opts.read ?? readText;
  const exists = (abs: string) => fs.existsSync(abs);

  const roles: Record<string, FileRole> = {};
  const roleReasons: Record<string, string> = {};
  const models = services.map((s) => {
    const own = filesOf.get(s)!;
    const model = modelOf(s, config.dir, own);
    for (const f of own) {
      const verdict = roleOf(f, { dir: s.dir, package: model.package, graph: null, read, exists });
      roles[f] = verdict.role;
      roleReasons[f] = verdict.reason;
      model.roleCounts[verdict.role] = (model.roleCounts[verdict.role] ?? 0) + 1;
    }
    return model;
  });
  // `(root)` last, as discovery orders it.
  models.sort((a, b) => Number(a.name === ROOT_SERVICE) - Number(b.name === ROOT_SERVICE));
  return { root: config.dir, services: models, roles, roleReasons, buildMs: performance.now() - started };
}
