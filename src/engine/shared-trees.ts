import type { Options, Transform } from '../types';
import { parserFor } from './parser';

/**
 * Trees the fleet model parsed that the transform pass, in the same thread, would parse again: the
 * fleet parses a file that may create a server, the transforms then parse it to add middleware and
 * shutdown. A tree is a function of the file's kind and text, and neither side edits one (the
 * transforms record edits on the text), so a tree parsed as the transforms parse is theirs to read
 * while the text is the same. Only texts some transform will want are kept.
 */
const trees = new Map<string, { source: string; ast: any }>();
let wanted: ((file: string, source: string) => boolean) | null = null;

/** Starts keeping the trees `wants` accepts; `release` forgets them (the transform pass is over). */
export function shareTrees(wants: (file: string, source: string) => boolean): { release(): void } {
  trees.clear();
  wanted = wants;
  return {
    release() {
      trees.clear();
      wanted = null;
    },
  };
}

/** The texts an AST transform's prefilter accepts (with the run's options before prepare: a miss only costs a parse). */
export function wantedByTransforms(transforms: Transform[], optionsByName: Record<string, Options>): (file: string, source: string) => boolean {
  const ast = transforms.filter((t) => t.ast);
  return (_file, source) => ast.some((t) => t.ast!.prefilter(source, optionsByName[t.name] ?? {}));
}

/**
 * The fleet's parse of a file: as the transforms parse it, and kept for them, when they will want
 * it and it parses; undefined otherwise (the fleet then parses it its own way).
 */
export function parseToShare(file: string, source: string): any | undefined {
  if (!wanted?.(file, source)) return undefined;
  let ast: any;
  try {
    ast = parserFor(file).light(source);
  } catch {
    return undefined;
  }
  trees.set(file, { source, ast });
  return ast;
}

/**
 * The kept tree of exactly this text of the file, or undefined. It stays kept until the transform
 * pass is over: healthz-to-health's prepare runs the transform over the files that name the old
 * path, and the pass then runs over them again.
 */
export function sharedTree(file: string, source: string): any | undefined {
  const kept = trees.get(file);
  return kept?.source === source ? kept.ast : undefined;
}
