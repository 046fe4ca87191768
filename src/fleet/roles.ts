import path from 'node:path';
import { isTestPath } from '../ast/paths';
import { dependsOn } from './package';
import type { FileRole, PackageFacts } from './types';

export interface RoleVerdict {
  role: FileRole;
  reason: string;
}

/** What deciding one service's file roles needs to know about the service. */
export interface RoleInputs {
  dir: string;
  package?: PackageFacts;
  /** Files reachable from the entry points; null when no entry point was found. */
  graph: Set<string> | null;
  /**
   * The entries were only guessed from conventional names: a file they do not reach may still be
   * loaded (a router required by a computed path), so it stays runtime rather than unknown.
   */
  guessed?: boolean;
  /** The tool entry (a `bin` command beside the service's start) that alone reaches the file, as written. */
  tool?: string;
  /** tsconfig outDir (absolute), when the service compiles TypeScript. */
  outDir?: string;
  /** Test files the test runner's config names, beyond the conventional test paths. */
  isConfiguredTest?(abs: string): boolean;
  /** The file's text, for the few roles only the content tells (k6 scripts, React without react). */
  read(abs: string): string | undefined;
  exists(abs: string): boolean;
}

/** Bundler, test-runner, lint and build configs: files tools load, never the service. */
const TOOL_CONFIG =
  /^(\.?(vite|vitest|jest|webpack|rollup|babel|eslint|prettier|tailwind|postcss|next|nuxt|svelte|astro|tsup|esbuild|karma|playwright|cypress|commitlint|lint-staged|stylelint|nodemon|remix|metro|gatsby(-[a-z]+)?|drizzle|knexfile|ormconfig|typeorm\.config|mikro-orm\.config|release|semantic-release|vue)(rc)?([.-][\w-]+)*\.[cm]?[jt]sx?|webpack\.[\w.-]+\.[cm]?[jt]s|gulpfile\.[cm]?[jt]s|gruntfile\.[cm]?[jt]s|\.mocharc\.[cm]?js|knexfile\.[cm]?[jt]s)$/i;
/** Folders of one-off programs: seeds, migrations, CLI scripts, load tests. */
const TOOL_FOLDER = /(^|\/)(seeds?|seeders?|migrations?|scripts|bin|load-?tests?|loadtest|perf|k6|artillery|benchmarks?|tools)\//i;
/** Hidden folders (`.nx/nxw.js`, `.husky/`, `.github/`, `.yarn/`): wrappers and hooks of tools, whose console output is their interface. */
const HIDDEN_FOLDER = /(^|\/)(\.[\w-][\w.-]*)\//;
const K6 = /(?:from\s*|require\s*\(\s*)['"]k6(?:\/[\w/-]+)?['"]/;
/** Browser frameworks, and bundler plugins for them: a package that depends on one is front-end code. */
const BROWSER_DEPS = [
  'react-dom',
  'vue',
  'svelte',
  '@angular/core',
  'solid-js',
  'preact',
  '@vitejs/plugin-react',
  '@vitejs/plugin-react-swc',
  '@vitejs/plugin-vue',
  '@sveltejs/kit',
  '@sveltejs/vite-plugin-svelte',
  'vite-plugin-solid',
  'next',
  'nuxt',
  'react-scripts',
];
/** JSX in a .jsx/.tsx file that touches the DOM: React code, with or without an `import React`. */
const DOM_USE = /\b(document|window|localStorage|sessionStorage|navigator)\.|\buse(State|Effect|Ref|Memo|Callback|Context)\s*\(|\bclassName=/;
const JSX = /<[A-Za-z][\w.]*(\s[^<>]*)?\/?>/;

/** The package is front-end code (its dependencies name a browser framework or a bundler plugin for one). */
export function browserPackage(pkg: PackageFacts | undefined): string | undefined {
  return BROWSER_DEPS.find((d) => dependsOn(pkg, d) && !(d === 'next' && dependsOn(pkg, 'express')));
}

/** Bundlers and dev servers of pages: a package built with one serves files to browsers, not requests. */
const PAGE_BUNDLERS = ['vite', 'parcel', '@parcel/core', 'snowpack', 'webpack-dev-server', '@web/dev-server'];
/** Server frameworks and servers: a package with one is a server, whatever else it bundles (Vite SSR behind express). */
const SERVER_DEPS = ['express', 'fastify', 'koa', '@hapi/hapi', 'hapi', '@nestjs/core', 'restify', 'polka', 'hono', 'h3', 'connect', 'micro', 'socket.io', 'ws', 'http-proxy', 'apollo-server', '@apollo/server', 'next', 'nuxt'];
const MODULE_PAGE = /<script\b[^>]*\btype\s*=\s*["']module["'][^>]*\bsrc\s*=/i;

/**
 * A package of pages without a framework: built by a page bundler (or an index.html loading a
 * module script) and depending on no server framework. Its `fetch` calls run in the browser.
 */
export function pagesPackage(inputs: Pick<RoleInputs, 'dir' | 'package' | 'read'>): string | undefined {
  const pkg = inputs.package;
  if (!pkg) return undefined;
  // Asked for every file of the package: the answer is the package's.
  if (pageVerdicts.has(pkg)) return pageVerdicts.get(pkg) ?? undefined;
  let verdict: string | null = null;
  if (!SERVER_DEPS.some((d) => dependsOn(pkg, d))) {
    const bundler = PAGE_BUNDLERS.find((d) => dependsOn(pkg, d));
    if (bundler) verdict = `the package is built by ${bundler} and depends on no server framework`;
    else if (MODULE_PAGE.test(inputs.read(path.join(inputs.dir, 'index.html')) ?? '')) verdict = 'the package is a page (index.html loads its module script) and depends on no server framework';
  }
  pageVerdicts.set(pkg, verdict);
  return verdict ?? undefined;
}
const pageVerdicts = new WeakMap<PackageFacts, string | null>();
/** Node's own server and process APIs: a file that uses them runs in Node, whatever its package bundles. */
const NODE_ONLY = /(?:require\s*\(\s*|from\s*)['"](?:node:)?(?:https?|net|fs|child_process|cluster|worker_threads)['"]|\bprocess\.(?:on|once|exit|env)\b|\bcreateServer\s*\(/;

const TWIN_SOURCES = ['.ts', '.tsx', '.mts', '.cts'];

/**
 * One file's role in its service, most specific evidence first: compiled output, tests, tool
 * configs and load scripts, then the runtime graph; with no entry point found, whatever is left is
 * runtime (never silently nothing), otherwise it is `unknown`.
 */
export function roleOf(abs: string, inputs: RoleInputs): RoleVerdict {
  const rel = path.relative(inputs.dir, abs).split(path.sep).join('/');
  const base = path.basename(abs);
  const ext = path.extname(abs).toLowerCase();
  if (/^\.[cm]?jsx?$/.test(ext)) {
    const stem = abs.slice(0, -ext.length);
    const twin = TWIN_SOURCES.find((e) => inputs.exists(stem + e));
    if (twin) return { role: 'generated', reason: `compiled twin of ${base.slice(0, -ext.length)}${twin}` };
  }
  if (inputs.outDir && abs.startsWith(inputs.outDir + path.sep) && inputs.outDir !== inputs.dir)
    return { role: 'generated', reason: `under tsconfig outDir ${path.relative(inputs.dir, inputs.outDir) || '.'}` };
  if (isTestPath(rel)) return { role: 'test', reason: 'test path' };
  if (inputs.isConfiguredTest?.(abs)) return { role: 'test', reason: "the test runner's config names it" };
  if (TOOL_CONFIG.test(base)) return { role: 'tooling', reason: 'tool config' };
  const text = inputs.read(abs) ?? '';
  if (K6.test(text)) return { role: 'tooling', reason: "k6 script (imports from 'k6')" };
  if (/\bmodule\.exports\s*=\s*\{[^}]*\b(beforeRequest|afterResponse|beforeScenario)\b/.test(text) || /artillery/i.test(rel))
    return { role: 'tooling', reason: 'artillery processor' };
  const framework = browserPackage(inputs.package);
  if (framework) return { role: 'browser', reason: `the package depends on ${framework}` };
  const pages = pagesPackage(inputs);
  if (pages && !NODE_ONLY.test(text)) return { role: 'browser', reason: pages };
  if ((ext === '.jsx' || ext === '.tsx') && JSX.test(text) && DOM_USE.test(text)) return { role: 'browser', reason: 'JSX that uses the DOM or React hooks' };
  if (inputs.graph?.has(abs)) return { role: 'runtime', reason: 'in the runtime graph' };
  if (inputs.tool) return { role: 'tooling', reason: `reached only from ${inputs.tool}, a tool the service ships, not from what starts it` };
  if (TOOL_FOLDER.test(rel)) return { role: 'tooling', reason: `one-off program (${rel.match(TOOL_FOLDER)![2]}/), not in the runtime graph` };
  const hidden = HIDDEN_FOLDER.exec(rel);
  if (hidden) return { role: 'tooling', reason: `in a hidden folder (${hidden[2]}/: tools keep their files there), not in the runtime graph` };
  if (!inputs.graph) return { role: 'runtime', reason: 'no entry point found' };
  if (inputs.guessed) return { role: 'runtime', reason: 'not reached from the conventionally named entry, which was only guessed' };
  return { role: 'unknown', reason: 'not reachable from any entry point' };
}

/** The roles an AST transform changes unless it says otherwise: compiled and front-end code never. */
export const DEFAULT_ROLES: readonly FileRole[] = ['runtime', 'test', 'tooling', 'unknown'];

/** Whether a transform may change a file of `role` (no role: no model, every file as today). */
export function acceptsRole(roles: readonly FileRole[] | undefined, role: FileRole | undefined): boolean {
  return role === undefined || (roles ?? DEFAULT_ROLES).includes(role);
}
