import * as recast from 'recast';

/*
 * recast parses into a copy of the tree and, when printing, walks the whole copy beside the original
 * to find what changed: a generic comparison of every field of every node, with a parenthesis check
 * per node. On a file where a few calls changed, that walk was the largest cost of a run.
 *
 * recast stops comparing where the copy holds the original object itself. So before printing, each
 * statement that is equal to its original by recast's own rules is swapped for that original (which
 * links to itself, so printing it on its own still reuses its text). The printed result is the same;
 * only the unchanged statements are no longer walked node by node.
 */

const { namedTypes, getFieldValue } = recast.types;
const originalProperty = { configurable: true, enumerable: false, writable: true };

const hasOwn = Object.prototype.hasOwnProperty;
const skipped = (k: string, file: boolean) => k === 'loc' || k.charCodeAt(0) === 95 /* _ */ || (file && k === 'tokens');

/**
 * Swaps every statement of the file's tree that is unchanged since parsing for its original. Only
 * statements (which never take parentheses) and only originals from this file's own parse, so the
 * reprinter's result cannot differ.
 */
export function shareUnchanged(file: any): void {
  const lines = file?.original?.loc?.lines;
  if (!lines) return;

  /**
   * Whether `a` (the copy) equals `b` (what stands at the same place in the original) as recast's
   * reprinter judges it: every key but `loc`, private `_` keys and File `tokens`, missing fields read
   * as their defaults. One pass over the copy; equal statements are swapped on the way.
   */
  const visit = (a: any, b: any, holder: any, key: string | number): boolean => {
    if (a === b) return true;
    if (a === null || typeof a !== 'object') return false;
    if (Array.isArray(a)) {
      const paired = Array.isArray(b) && b.length === a.length;
      let all = paired;
      // Lists whose length changed are reprinted; their items can still be shared with their originals.
      for (let i = 0; i < a.length; i++) if (!visit(a[i], paired ? b[i] : a[i]?.original, a, i)) all = false;
      return all;
    }
    const comparable = b !== null && typeof b === 'object' && !Array.isArray(b) && a.original !== null;
    if (!comparable) b = a.original ?? {};
    const file = a.type === 'File';
    let all = comparable;
    for (const k in a) {
      if (!hasOwn.call(a, k) || skipped(k, file)) continue;
      if (!visit(a[k], b[k], a, k) && !(b[k] === undefined && (a[k] === null || typeof a[k] !== 'object') && getFieldValue(b, k) === a[k])) all = false;
    }
    if (!all) return false;
    for (const k in b) {
      if (!hasOwn.call(b, k) || hasOwn.call(a, k) || skipped(k, file)) continue;
      if (!(b[k] === null || typeof b[k] !== 'object') || getFieldValue(a, k) !== b[k]) return false;
    }
    if (holder && a.original === b && b.loc?.lines === lines && namedTypes.Statement.check(a)) {
      holder[key] = b;
      Object.defineProperty(b, 'original', { ...originalProperty, value: b });
    }
    return true;
  };
  visit(file, file.original, null, '');
}
