import type { Collection, JSCodeshift } from 'jscodeshift';
import path from 'node:path';
import { isModuleFile, isPathSpecifier } from '../../src/ast/modules';
import { isTestPath } from '../../src/ast/paths';
import type { Options } from '../../src/types';
import { splitEntries } from '../../src/fleet/entry-roles';
import type { ServiceModel } from '../../src/fleet/types';

const BROWSER_DIRS = new Set(['public', 'static', 'client', 'frontend']);
// Command-line code, where console output is the interface: scripts, executables, database seeds and migrations.
const SCRIPT_DIRS = new Set(['scripts', 'bin', 'seeds', 'migrations']);
const SCRIPT_FILE = /(^|\/)seed\.[cm]?[jt]s$/;
const BROWSER_MODULES = /^(react|react-dom|vue)(\/|$)/;

/** Why a file is not for this transform, by its path, or null. Folders count at any depth. */
export function skipReason(relPath: string, absPath: string, options: Options, root: string, file?: { service?: ServiceModel }): string | null {
  if (options.import && isModuleFile(absPath, options.import, root)) return 'the logger module itself';
  if (options.import && isPathSpecifier(options.import) && absPath.startsWith(path.resolve(root, options.import) + path.sep))
    return 'part of the logger module (its folder)';
  const dirs = relPath.split('/').slice(0, -1);
  if (options.skipBrowser !== false && dirs.some((d) => BROWSER_DIRS.has(d))) return 'browser code (skipBrowser)';
  if (options.skipTests !== false && isTestPath(relPath)) return 'a test (skipTests)';
  if (options.skipScripts !== false && (dirs.some((d) => SCRIPT_DIRS.has(d)) || SCRIPT_FILE.test(relPath)) && !startsServer(absPath, file?.service))
    return 'a command-line script (skipScripts)';
  return null;
}

/**
 * The file is one of the service's runtime entries (npm start, main, a Dockerfile, compose or
 * Kubernetes command; not a package.json `bin` command) and the service listens: `bin/www` under
 * `npm start`, a queue worker an image starts beside it. Its console lines are a long-running
 * process's log, not a command's output.
 */
function startsServer(absPath: string, service: ServiceModel | undefined): boolean {
  if (!service?.facts.apps.some((a) => a.listens)) return false;
  return splitEntries(service.entries).runtime.some((e) => e.file === absPath && e.from !== 'bin');
}

function moduleName(node: any): string | null {
  if (node?.type === 'StringLiteral' || node?.type === 'Literal') return typeof node.value === 'string' ? node.value : null;
  return null;
}

/** Whether the file imports or requires react, react-dom or vue: browser code, whatever its folder. */
export function importsBrowserFramework(j: JSCodeshift, root: Collection<any>, source: string): boolean {
  // Most files never name these modules: a text test spares two walks of the whole tree.
  if (!/['"`](?:react|react-dom|vue)(?:\/[^'"`]*)?['"`]/.test(source)) return false;
  const browser = (s: string | null) => s !== null && BROWSER_MODULES.test(s);
  if (root.find(j.ImportDeclaration).paths().some((p: any) => p.node.importKind !== 'type' && browser(moduleName(p.node.source)))) return true;
  return root
    .find(j.CallExpression, { callee: { type: 'Identifier', name: 'require' } })
    .paths()
    .some((p: any) => p.node.arguments.length === 1 && browser(moduleName(p.node.arguments[0])));
}
