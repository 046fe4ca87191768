import { builtinModules } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import type * as TS from 'typescript';
import { isPathSpecifier } from '../ast/modules';
import { isTypeScript } from '../engine/parser';
import { moduleFacts, type ModuleFacts, type ModuleRef } from './module-facts';
import { cjsExportNames, findInstalled, nodeFormatOf, packageEntry, packageName, requireGetsEsm } from './packages';
import type { VerifyService } from './service';
import type { TypeScript } from './typescript';

/** A reason a change cannot be written, at a line of the new text. */
export interface ModuleProblem {
  line: number;
  message: string;
}

export interface ModuleCheckResult {
  problems: ModuleProblem[];
  /** Specifiers the transforms added (each checked). */
  added: number;
  /** Files of the run (changed or created) the new text imports, absolute. */
  imports: string[];
}

/** How the check resolves modules: the service's compiler options, and the files the run creates. */
export interface ResolveContext {
  ts: TypeScript;
  options: TS.CompilerOptions;
  /** Files the run creates (they do not exist on disk yet), absolute. */
  created: ReadonlySet<string>;
  service: VerifyService;
  /** Other services whose images contain a file (a shared folder their Dockerfiles copy). */
  shippedBy?: (file: string) => VerifyService[];
}

const BUILTINS = new Set(builtinModules);

export function isBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]);
}

function realpath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

function inside(file: string, roots: string[]): boolean {
  const real = realpath(file);
  return roots.some((r) => {
    const root = realpath(r);
    return real === root || real.startsWith(root + path.sep);
  });
}

/** How a file's own imports run: ES module imports (Node's ESM loader) or compiled/plain CommonJS. */
function runtimeFormat(file: string, options: TS.CompilerOptions, ts: TypeScript): 'esm' | 'cjs' {
  if (!isTypeScript(file)) return nodeFormatOf(file);
  const m = options.module;
  if (m === ts.ModuleKind.CommonJS || m === undefined) return 'cjs';
  if (m === ts.ModuleKind.Node16 || m === ts.ModuleKind.NodeNext || (ts.ModuleKind as any).Node18 === m) return nodeFormatOf(file);
  return nodeFormatOf(file) === 'esm' ? 'esm' : 'cjs';
}

function resolveLocal(ref: ModuleRef, file: string, ctx: ResolveContext): { file?: string; external: boolean } {
  const { ts } = ctx;
  const host: TS.ModuleResolutionHost = {
    fileExists: (f) => ctx.created.has(path.resolve(f)) || ts.sys.fileExists(f),
    readFile: (f) => ts.sys.readFile(f),
    directoryExists: (d) => [...ctx.created].some((c) => c.startsWith(path.resolve(d) + path.sep)) || ts.sys.directoryExists!(d),
    realpath: ts.sys.realpath,
    getCurrentDirectory: () => ctx.service.dir,
  };
  const options = { ...ctx.options, allowJs: true, resolveJsonModule: true };
  const r = ts.resolveModuleName(ref.specifier, file, options, host).resolvedModule;
  if (!r) return { external: false };
  return { file: path.resolve(r.resolvedFileName), external: !!r.isExternalLibraryImport };
}

/**
 * A folder without its own package.json (a workspace glob folder) installs nothing itself: Node finds
 * its packages through the nearest package.json above it, so that one's dependencies count.
 */
function nearestManifest(dir: string): { dependencies?: Record<string, string>; devDependencies?: Record<string, string> } | null {
  for (let d = dir; ; d = path.dirname(d)) {
    try {
      return JSON.parse(fs.readFileSync(path.join(d, 'package.json'), 'utf8'));
    } catch {
      if (path.dirname(d) === d) return null;
    }
  }
}

function listed(service: VerifyService, name: string, typeOnly: boolean): boolean {
  const p = service.package ?? nearestManifest(service.dir);
  if (!p) return false;
  return name in (p.dependencies ?? {}) || (typeOnly && name in (p.devDependencies ?? {}));
}

function checkRef(ref: ModuleRef, file: string, format: 'esm' | 'cjs', ctx: ResolveContext, out: ModuleCheckResult): void {
  const where = ctx.service.buildContext;
  const spec = ref.specifier;
  if (isBuiltin(spec)) return;
  const local = resolveLocal(ref, file, ctx);
  const isPath = isPathSpecifier(spec);
  if (isPath || (local.file && !local.external && !local.file.includes(`${path.sep}node_modules${path.sep}`))) {
    if (!local.file) {
      out.problems.push({ line: ref.line, message: `'${spec}' does not resolve to a file; the service would fail to start` });
      return;
    }
    if (ctx.created.has(local.file) || !local.file.endsWith('.d.ts')) out.imports.push(local.file);
    if (!inside(local.file, where)) {
      out.problems.push({
        line: ref.line,
        message: `'${spec}' resolves to ${local.file}, outside the service's build context (${where.join(', ')}); the image would not contain it`,
      });
      return;
    }
    // A shared file ships in other services' images too: what it imports must be in each of them.
    const missing = (ctx.shippedBy?.(file) ?? []).find((s) => !inside(local.file!, s.buildContext));
    if (missing) {
      out.problems.push({
        line: ref.line,
        message: `'${spec}' resolves to ${local.file}, which the image of ${missing.name} does not contain (its build context: ${missing.buildContext.join(', ')}), though that image ships this file; the service would fail to start`,
      });
      return;
    }
    if (ref.typeOnly) return;
    if (format === 'esm' && !isTypeScript(file) && isPath && !/\.[cm]?js$|\.json$/.test(spec)) {
      out.problems.push({ line: ref.line, message: `'${spec}' has no file extension; Node's ES module loader needs the full file name` });
    }
    if (ref.kind === 'require' && !isTypeScript(local.file) && nodeFormatOf(local.file) === 'esm' && /\.[cm]?js$/.test(local.file)) {
      out.problems.push({ line: ref.line, message: `require('${spec}') loads an ES module (${path.basename(local.file)}); use import, or a CommonJS module` });
    }
    if (ref.kind === 'import' && format === 'esm' && ref.names.length && !isTypeScript(local.file) && nodeFormatOf(local.file) === 'cjs') missingNamed(ref, local.file, spec, out);
    return;
  }
  const name = packageName(spec);
  const pkg = findInstalled(name, path.dirname(file));
  if (!listed(ctx.service, name, ref.typeOnly) && !pkg) {
    const pkgFile = ctx.service.package?.file ?? `${ctx.service.dir}/package.json`;
    out.problems.push({ line: ref.line, message: `package '${name}' is neither in ${pkgFile} dependencies nor installed; add it (npm install ${name}) or configure another module` });
    return;
  }
  if (!pkg || ref.typeOnly) return;
  if (ref.kind === 'require' && !isTypeScript(file)) {
    const r = requireGetsEsm(pkg, spec);
    if (r.esm) out.problems.push({ line: ref.line, message: `require('${spec}') cannot load '${name}': ${r.why}; use import() or a CommonJS build of it` });
  }
  if (ref.kind === 'import' && format === 'esm' && ref.names.length) {
    const entry = packageEntry(pkg, spec, 'import');
    if (entry && nodeFormatOf(entry) === 'cjs' && /\.c?js$/.test(entry)) missingNamed(ref, entry, spec, out);
  }
}

/** A named import Node's ESM loader would reject: the CommonJS module does not show that name to it. */
function missingNamed(ref: ModuleRef, cjsFile: string, spec: string, out: ModuleCheckResult): void {
  const names = cjsExportNames(cjsFile);
  if (!names) return;
  const missing = ref.names.filter((n) => !names.has(n));
  if (missing.length)
    out.problems.push({
      line: ref.line,
      message: `'${spec}' is CommonJS and Node's ES module loader does not see the named export${missing.length > 1 ? 's' : ''} ${missing.map((n) => `'${n}'`).join(', ')}; import the default and read the property`,
    });
}

function refKey(r: ModuleRef): string {
  return `${r.kind === 'export' ? 'import' : r.kind}\0${r.specifier}\0${r.names.join(',')}`;
}

/**
 * Checks what a change added to a file's module shape: every new import/require resolves inside the
 * service's build context, loads the way Node will load it, and every new top-level read happens
 * after its binding is set. `before` is null for a created file.
 */
export function checkModules(file: string, before: string | null, after: string, ctx: ResolveContext): ModuleCheckResult {
  const out: ModuleCheckResult = { problems: [], added: 0, imports: [] };
  let old: ModuleFacts | null = null;
  let now: ModuleFacts;
  try {
    old = before === null ? null : moduleFacts(file, before);
  } catch {
    old = null;
  }
  try {
    now = moduleFacts(file, after);
  } catch (err: any) {
    out.problems.push({ line: err?.loc?.line ?? 0, message: `the new text does not parse: ${err?.message ?? err}` });
    return out;
  }
  const format = runtimeFormat(file, ctx.options, ctx.ts);
  const had = new Set((old?.refs ?? []).map(refKey));
  for (const ref of now.refs) {
    const isNew = !had.has(refKey(ref));
    if (!isNew) {
      // Still recorded: a kept import of a created file makes that file a dependency of this one.
      if (isPathSpecifier(ref.specifier)) {
        const r = resolveLocal(ref, file, ctx);
        if (r.file && ctx.created.has(r.file)) out.imports.push(r.file);
      }
      continue;
    }
    out.added++;
    checkRef(ref, file, format, ctx, out);
  }
  const early = new Map<string, number>();
  for (const u of old?.earlyUses ?? []) early.set(`${u.name}\0${u.declaredWith}`, (early.get(`${u.name}\0${u.declaredWith}`) ?? 0) + 1);
  for (const u of now.earlyUses) {
    const k = `${u.name}\0${u.declaredWith}`;
    const n = early.get(k) ?? 0;
    if (n > 0) {
      early.set(k, n - 1);
      continue;
    }
    const what = u.declaredWith === 'var' ? `is still undefined there (the var is assigned on line ${u.declaredLine})` : `is not initialised until line ${u.declaredLine} (${u.declaredWith})`;
    out.problems.push({ line: u.line, message: `'${u.name}' is used on line ${u.line} at module top level but ${what}; the service would fail at start` });
  }
  out.imports = [...new Set(out.imports)];
  return out;
}
