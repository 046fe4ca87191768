import fs from 'node:fs';
import path from 'node:path';
import type { GeneratedFile, PrepareContext } from '../../src/types';
import { commonjsModule, esModule, typescriptModule, type TemplateParams } from './templates';
import { modulesAnswering } from '../../src/ast/modules';
import { isFile } from '../../src/fleet/read';

const CODE_EXT = /\.(?:[cm]?[jt]sx?)$/;

/** Whether a module already answers to the import path: the file itself, with an extension, or a folder index. */
export function moduleExists(stem: string, given: string): boolean {
  return modulesAnswering(stem).length > 0 || isFile(given);
}

/** The nearest `name` file from `dir` up to `root` (inclusive), or null. */
function nearest(dir: string, root: string, name: string): string | null {
  for (let d = dir; ; d = path.dirname(d)) {
    const candidate = path.join(d, name);
    if (fs.existsSync(candidate)) return candidate;
    if (d === root || path.dirname(d) === d || path.relative(root, d).startsWith('..')) return null;
  }
}

/** TypeScript when a tsconfig.json governs the module's folder or most of the target files are TS. */
function isTypeScriptProject(dir: string, ctx: PrepareContext): boolean {
  if (nearest(dir, ctx.root, 'tsconfig.json')) return true;
  const ts = ctx.files.filter((f) => /\.[cm]?tsx?$/.test(f)).length;
  return ts > 0 && ts >= ctx.files.length - ts;
}

function isEsmPackage(dir: string, root: string): boolean {
  const pkg = nearest(dir, root, 'package.json');
  if (!pkg) return false;
  try {
    return JSON.parse(fs.readFileSync(pkg, 'utf8')).type === 'module';
  } catch {
    return false;
  }
}

/**
 * The middleware module to create for `scaffold: true`, when nothing exists at the import path yet:
 * TypeScript or JavaScript as the project is; JavaScript as an ES module for `.mjs` or a
 * `"type": "module"` package, else CommonJS.
 */
export function scaffoldModule(ctx: PrepareContext): GeneratedFile[] {
  const { options } = ctx;
  if (!options.scaffold || typeof options.import !== 'string') return [];
  const imports: string[] = options.importByFolder ? [...new Set(Object.values(options.importByFolder as Record<string, string>))] : [options.import];
  return imports.flatMap((specifier) => moduleAt(ctx, specifier));
}

function moduleAt(ctx: PrepareContext, specifier: string): GeneratedFile[] {
  const { options } = ctx;
  const given = path.resolve(ctx.root, specifier);
  const stem = given.replace(CODE_EXT, '');
  if (moduleExists(stem, given)) return [];
  const params: TemplateParams = { header: options.header.toLowerCase(), name: options.name, kind: options.kind, frameworks: options.scaffoldFrameworks ?? ['express'], proxies: options.scaffoldProxies ?? true };
  const dir = path.dirname(stem);
  if (isTypeScriptProject(dir, ctx)) return [{ path: `${stem}.ts`, content: typescriptModule(params) }];
  const ext = path.extname(given);
  const esm = ext === '.mjs' || (ext !== '.cjs' && isEsmPackage(dir, ctx.root));
  const file = CODE_EXT.test(given) && /\.[cm]?js$/.test(ext) ? given : `${stem}.js`;
  return [{ path: file, content: esm ? esModule(params) : commonjsModule(params) }];
}
