import { isJsLike, parserFor } from '../engine/parser';
import type { FleetModel, ServiceModel } from './types';

/**
 * Entry scripts: files a service's package.json, image or orchestrator runs (`node ./bin/www`) that
 * carry no JavaScript extension but are JavaScript. Only a file an entry names is ever looked at
 * this way: a LICENSE or a Makefile is never read as code.
 */

/** `#!/usr/bin/env node`, `#!/usr/bin/node --flag`, `#!/usr/bin/env -S node --x`. */
const NODE_SHEBANG = /^#!\s*\S*\/(?:env\s+(?:-\S+\s+)*)?(?:node|nodejs)(?:\s|$)/;
/** Text past this size is no starter script: it is not parsed just to find out. */
const MAX_SCRIPT_CHARS = 256 * 1024;

/** Whether a text is JavaScript: a node shebang, or (no shebang naming another program) it parses. */
export function isScriptText(text: string): boolean {
  const source = text.replace(/^\uFEFF/, '');
  if (source.includes('\0') || source.length > MAX_SCRIPT_CHARS) return false;
  if (source.startsWith('#!')) return NODE_SHEBANG.test(source);
  if (source.trim() === '') return false;
  try {
    // The grammar of a file without extension: JavaScript (with JSX), as Node would load it.
    parserFor('script').check(source);
    return true;
  } catch {
    return false;
  }
}

/**
 * A test for paths an entry names: true for an existing file without a JavaScript extension whose
 * text is JavaScript. Each file is read once.
 */
export function scriptTest(read: (abs: string) => string | undefined): (abs: string) => boolean {
  const known = new Map<string, boolean>();
  return (abs) => {
    if (isJsLike(abs)) return false;
    let yes = known.get(abs);
    if (yes === undefined) {
      const text = read(abs);
      yes = text !== undefined && isScriptText(text);
      known.set(abs, yes);
    }
    return yes;
  };
}

/** The entry scripts of a service (its entries without a JavaScript extension: the model only keeps those that are JavaScript). */
export function entryScripts(service: ServiceModel | undefined): string[] {
  return service ? service.entries.map((e) => e.file).filter((f) => !isJsLike(f)) : [];
}

/** Every entry script of the fleet. */
export function fleetScripts(fleet: FleetModel): Set<string> {
  return new Set(fleet.services.flatMap(entryScripts));
}

/** Whether a file is JavaScript for a run: by its extension, or as an entry script of its service. */
export function isCodeFile(file: string, service: Partial<Pick<ServiceModel, 'entries'>> | undefined): boolean {
  return isJsLike(file) || !!service?.entries?.some((e) => e.file === file);
}

/**
 * The run's files with the entry scripts among `unclaimed` (files discovery kept but no transform
 * claims by name), in path order.
 */
export function withEntryScripts(files: string[], unclaimed: string[], fleet: FleetModel): string[] {
  const scripts = fleetScripts(fleet);
  const found = unclaimed.filter((f) => scripts.has(f));
  return found.length ? [...files, ...found].sort() : files;
}
