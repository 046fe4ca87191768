import path from 'node:path';
import type { Document } from 'yaml';
import { YAML } from '../deploy/yaml';
import { dockerInstructions } from '../deploy/dockerfile';
import { isInside } from '../ast/paths';
import { isComposeFile, isDockerfile } from '../deploy/probes';
import { commandFacts } from './commands';
import { copyOperands, dockerContextOf, type BuildCommand } from './docker-context';
import { imageCopiesOf } from './image-paths';
import type { ComposeServiceFacts, DeployFacts, DockerfileFacts, KubernetesFacts, Where } from './types';

/** The deployment files of a repository, found by the model's walk. */
export interface DeployFiles {
  dockerfiles: string[];
  compose: string[];
  /** YAML files that may be Kubernetes manifests, and JSON files that may be ECS task definitions. */
  manifests: string[];
  ecs: string[];
}

export function deployFileKind(rel: string): keyof DeployFiles | null {
  if (isDockerfile(rel)) return 'dockerfiles';
  if (isComposeFile(rel)) return 'compose';
  if (/\.ya?ml$/i.test(rel) && !/(^|\/)(\.github|\.gitlab|\.circleci)\//.test(rel) && !/(^|\/)(pnpm-lock|pnpm-workspace|\.?[\w-]*lint[\w-]*|codecov|renovate|dependabot)\.ya?ml$/i.test(rel)) return 'manifests';
  if (/(task-?def|ecs)[\w.-]*\.json$/i.test(rel)) return 'ecs';
  return null;
}

/** Seconds of a compose duration (`30s`, `1m30s`, `90`). */
function seconds(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const m = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$/.exec(value.trim());
  if (!m || !value.trim()) return /^\d+$/.test(value.trim()) ? Number(value) : undefined;
  return (Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) + Number(m[4] ?? 0) / 1000) || undefined;
}

/** One Dockerfile read as data, built from `context`. */
export function dockerfileFacts(file: string, source: string, context: string): DockerfileFacts {
  const facts: DockerfileFacts = { file, context, copies: [] };
  let workdir = '/';
  for (const ins of dockerInstructions(source)) {
    if (ins.keyword === 'WORKDIR') {
      workdir = path.posix.resolve(workdir, ins.args.replace(/^["']|["']$/g, ''));
      facts.workdir = workdir;
    } else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
      // A glob stays a pattern: it names only the files it matches, never the whole folder.
      for (const src of copyOperands(ins.args)) facts.copies.push(path.resolve(context, src));
    } else if (ins.keyword === 'CMD') facts.cmd = commandFacts(ins.args, file, ins.line);
    else if (ins.keyword === 'ENTRYPOINT') facts.entrypoint = commandFacts(ins.args, file, ins.line);
    else if (ins.keyword === 'STOPSIGNAL') facts.stopSignal = ins.args.trim();
  }
  facts.copies = [...new Set(facts.copies)];
  facts.imageCopies = imageCopiesOf(source, context);
  return facts;
}

function lineOf(doc: Document, node: unknown, source: string): number {
  const range = (node as any)?.range as [number, number] | undefined;
  if (!range) return 0;
  let line = 1;
  for (let i = 0; i < range[0] && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** Every service of a compose file, with what the fleet model needs. */
export function composeServices(file: string, source: string): ComposeServiceFacts[] {
  const out: ComposeServiceFacts[] = [];
  let doc: Document;
  try {
    doc = YAML.parseDocument(source, { merge: true } as any);
  } catch {
    return out;
  }
  const services = doc.get('services') as any;
  if (!YAML.isMap(services)) return out;
  const dir = path.dirname(file);
  for (const pair of services.items) {
    const name = String((pair.key as any)?.value ?? pair.key);
    const raw = (pair.value as any)?.toJSON?.() ?? {};
    if (!raw || typeof raw !== 'object') continue;
    const build = typeof raw.build === 'string' ? { context: raw.build } : raw.build;
    const facts: ComposeServiceFacts = { file, line: lineOf(doc, pair.key, source), name, ports: Array.isArray(raw.ports) ? raw.ports.map(String) : [] };
    if (build && typeof build.context === 'string') facts.buildContext = path.resolve(dir, build.context);
    else if (build) facts.buildContext = dir;
    if (build && typeof build.dockerfile === 'string') facts.dockerfile = path.resolve(facts.buildContext ?? dir, build.dockerfile);
    if (raw.command !== undefined) facts.command = commandFacts(Array.isArray(raw.command) ? JSON.stringify(raw.command) : String(raw.command), file, facts.line);
    const grace = seconds(raw.stop_grace_period);
    if (grace !== undefined) facts.stopGracePeriodSeconds = grace;
    if (typeof raw.init === 'boolean') facts.init = raw.init;
    const test = raw.healthcheck?.test;
    if (test !== undefined) facts.healthcheck = Array.isArray(test) ? test.map(String) : [String(test)];
    out.push(facts);
  }
  return out;
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'ReplicaSet', 'Rollout']);

/** The containers of the Kubernetes workloads in a YAML file. */
export function kubernetesContainers(file: string, source: string): KubernetesFacts[] {
  // Helm templates (`{{ .Values.x }}`) are not YAML until rendered; they are left out.
  if (!/\bkind:\s*\w/.test(source) || !/\bcontainers:/.test(source) || source.includes('{{')) return [];
  const out: KubernetesFacts[] = [];
  let docs: Document[];
  try {
    docs = YAML.parseAllDocuments(source) as Document[];
  } catch {
    return out;
  }
  for (const doc of docs) {
    const obj = (doc as any).toJSON?.();
    if (!obj || typeof obj !== 'object' || !WORKLOADS.has(obj.kind)) continue;
    const pod = obj.kind === 'Pod' ? obj.spec : obj.kind === 'CronJob' ? obj.spec?.jobTemplate?.spec?.template?.spec : obj.spec?.template?.spec;
    if (!pod || !Array.isArray(pod.containers)) continue;
    for (const c of pod.containers) {
      if (!c || typeof c !== 'object') continue;
      const line = lineOfText(source, `name: ${c.name}`);
      const facts: KubernetesFacts = {
        file,
        line,
        container: String(c.name ?? ''),
        ...(obj.metadata?.name ? { workload: String(obj.metadata.name) } : {}),
        ports: Array.isArray(c.ports) ? c.ports.map((p: any) => Number(p?.containerPort)).filter((n: number) => Number.isFinite(n)) : [],
      };
      if (typeof pod.terminationGracePeriodSeconds === 'number') facts.terminationGracePeriodSeconds = pod.terminationGracePeriodSeconds;
      if (typeof c.livenessProbe?.httpGet?.path === 'string') facts.livenessPath = c.livenessProbe.httpGet.path;
      if (typeof c.readinessProbe?.httpGet?.path === 'string') facts.readinessPath = c.readinessProbe.httpGet.path;
      const command = [...(Array.isArray(c.command) ? c.command : []), ...(Array.isArray(c.args) ? c.args : [])].map(String);
      if (command.length) facts.command = command;
      (facts as any).image = typeof c.image === 'string' ? c.image : undefined;
      out.push(facts);
    }
  }
  return out;
}

function lineOfText(source: string, needle: string): number {
  const at = source.indexOf(needle);
  return at < 0 ? 0 : source.slice(0, at).split('\n').length;
}

/** ECS container definitions: name, image and stopTimeout. */
export function ecsContainers(source: string): { name: string; image?: string; stopTimeout?: number }[] {
  try {
    const json = JSON.parse(source);
    const defs = json?.containerDefinitions ?? json?.taskDefinition?.containerDefinitions;
    return Array.isArray(defs) ? defs.map((d: any) => ({ name: String(d?.name ?? ''), image: d?.image, stopTimeout: typeof d?.stopTimeout === 'number' ? d.stopTimeout : undefined })) : [];
  } catch {
    return [];
  }
}

/** Names a deployment may call a service by: its package name (without scope), folder name and slug. */
function namesOf(service: { name: string; slug: string; dir: string }): Set<string> {
  return new Set([service.name, service.name.replace(/^@[^/]+\//, ''), service.slug, path.basename(service.dir)].map((n) => n.toLowerCase()));
}

function matchesName(names: Set<string>, ...candidates: (string | undefined)[]): boolean {
  return candidates.some((c) => {
    if (!c) return false;
    const lower = c.toLowerCase();
    // An image `registry/acme/cart:1.2` or a container `cart-api` names the service `cart`.
    const image = lower.split('/').pop()!.split(':')[0];
    return names.has(lower) || names.has(image);
  });
}

export interface DeployInputs {
  service: { name: string; slug: string; dir: string; rel: string };
  /** The fleet root: its own files belong to the root service only. */
  root: string;
  files: DeployFiles;
  read(abs: string): string | undefined;
  /** Parsed once per run, shared by every service. */
  parsed: ParsedDeploy;
}

export interface ParsedDeploy {
  compose: ComposeServiceFacts[];
  /** The repository's `docker build` commands, read once when a Dockerfile no compose file names needs its context. */
  buildCommands(): BuildCommand[];
  kubernetes: (KubernetesFacts & { image?: string })[];
  ecs: { file: string; name: string; image?: string; stopTimeout?: number }[];
}

export function parseDeployFiles(files: DeployFiles, read: (abs: string) => string | undefined, findBuildCommands: () => BuildCommand[] = () => []): ParsedDeploy {
  const text = (f: string) => read(f) ?? '';
  let commands: BuildCommand[] | undefined;
  return {
    compose: files.compose.flatMap((f) => composeServices(f, text(f))),
    buildCommands: () => (commands ??= findBuildCommands()),
    kubernetes: files.manifests.flatMap((f) => kubernetesContainers(f, text(f))),
    ecs: files.ecs.flatMap((f) => ecsContainers(text(f)).map((c) => ({ file: f, ...c }))),
  };
}

/**
 * A service's deployment: the Dockerfiles that build it (in its folder, or named by a compose
 * `build:` that points into it), the compose services and Kubernetes/ECS containers that run it
 * (by build context, else by name or image), and the grace period the orchestrator gives it.
 */
export function deployFactsOf(inputs: DeployInputs): { deploy: DeployFacts; buildContext: string[] } {
  const { service, parsed } = inputs;
  const names = namesOf(service);
  const isRoot = service.dir === inputs.root && service.rel === '';
  const own = (p: string) => isInside(p, service.dir);
  const compose = parsed.compose.filter((c) =>
    c.buildContext ? (isRoot ? c.buildContext === service.dir : own(c.buildContext) || (!!c.dockerfile && own(c.dockerfile))) : !isRoot && matchesName(names, c.name),
  );
  const dockerfiles: DockerfileFacts[] = [];
  const seen = new Set<string>();
  const addDockerfile = (file: string, context: string | null) => {
    if (seen.has(file)) return;
    const text = inputs.read(file);
    if (text === undefined) return;
    seen.add(file);
    // No compose file names it: the repository's build commands or its COPY sources say where it is built from.
    const found = context === null ? dockerContextOf(file, text, inputs.root, parsed.buildCommands()) : null;
    const facts = dockerfileFacts(file, text, found ? found.context : context!);
    if (found) facts.contextFrom = found.why;
    dockerfiles.push(facts);
  };
  const referenced = new Set(parsed.compose.filter((c) => c.buildContext).map((c) => c.dockerfile ?? path.join(c.buildContext!, 'Dockerfile')));
  for (const c of compose) if (c.buildContext) addDockerfile(c.dockerfile ?? path.join(c.buildContext, 'Dockerfile'), c.buildContext);
  for (const f of inputs.files.dockerfiles) {
    const dir = path.dirname(f);
    if (isRoot ? dir === service.dir : own(f) && path.relative(service.dir, dir).split(path.sep).length <= 2) addDockerfile(f, referenced.has(f) ? dir : null);
  }
  const kubernetes = isRoot ? [] : parsed.kubernetes.filter((k) => matchesName(names, k.container, k.workload, k.image));
  const ecs = isRoot ? [] : parsed.ecs.filter((e) => matchesName(names, e.name, e.image));
  const deploy: DeployFacts = { dockerfiles, compose, kubernetes: kubernetes.map(({ image: _image, ...k }) => k), gracePeriod: { seconds: 30, source: 'default' } };
  const ecsTimeout = ecs.find((e) => e.stopTimeout !== undefined);
  if (ecsTimeout) deploy.ecsStopTimeoutSeconds = ecsTimeout.stopTimeout;
  const k8s = kubernetes.find((k) => k.terminationGracePeriodSeconds !== undefined);
  const composeGrace = compose.find((c) => c.stopGracePeriodSeconds !== undefined);
  const at = (w: Where): Where => ({ file: w.file, line: w.line });
  if (k8s) deploy.gracePeriod = { seconds: k8s.terminationGracePeriodSeconds!, source: 'kubernetes', where: at(k8s) };
  else if (ecsTimeout) deploy.gracePeriod = { seconds: ecsTimeout.stopTimeout!, source: 'ecs', where: { file: ecsTimeout.file, line: 0 } };
  else if (composeGrace) deploy.gracePeriod = { seconds: composeGrace.stopGracePeriodSeconds!, source: 'compose', where: at(composeGrace) };
  else if (kubernetes.length) deploy.gracePeriod = { seconds: 30, source: 'kubernetes', where: at(kubernetes[0]) };
  // What the image holds: the COPY sources that reach the service's files; the folder without a Dockerfile.
  const copies = dockerfiles.flatMap((d) => d.copies);
  const buildContext = copies.length ? [...new Set(copies)].sort() : [service.dir];
  return { deploy, buildContext };
}

const BUILD_OUTPUT = /^(dist|build|out|lib)$/;

/**
 * An image that copies compiled output (the tsconfig outDir, or a dist/build/out/lib folder the tree
 * does not hold because it is built before `docker build`) holds what the source root compiles to:
 * a module created next to the sources ends up in the image, so the source root counts as inside.
 */
export function withCompiledSources(context: string[], sourceRoot: string, outDir: string | undefined, exists: (abs: string) => boolean): string[] {
  const copiesOutput = context.some((c) => (outDir !== undefined && isInside(c, outDir)) || (BUILD_OUTPUT.test(path.basename(c)) && !exists(c)));
  if (!copiesOutput || context.some((c) => isInside(sourceRoot, c))) return context;
  return [...context, sourceRoot].sort();
}
