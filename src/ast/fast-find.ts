import Collection from 'jscodeshift/src/Collection';
import * as recast from 'recast';

/*
 * jscodeshift's `find` runs an ast-types PathVisitor: it builds a visitor (and its method table over
 * every node type) per call and a NodePath for every node it passes, though callers only use the
 * paths of the matches. Transforms call `find` dozens of times per file, and on the benchmark those
 * visits were the largest cost after parsing. This `find` walks the plain objects in the same order
 * (the fields ast-types declares for each node type, pre-order) and makes NodePaths only for the
 * matches, through the same cached `path.get` chain the visitor would have used: same paths, same order.
 */

// jscodeshift's own partial-match helper, so filters behave exactly as with its `find`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const matchNode: (node: unknown, filter: unknown) => boolean = require('jscodeshift/src/matchNode');
const { getSupertypeNames, getFieldNames } = recast.types;

const fieldsByType = new Map<string, readonly string[]>();
function fieldsOf(node: any): readonly string[] {
  if (typeof node.type !== 'string') return Object.keys(node);
  let fields = fieldsByType.get(node.type);
  if (!fields) {
    fields = getFieldNames(node);
    fieldsByType.set(node.type, fields);
  }
  return fields;
}

const matchesByType = new Map<string, Map<string, boolean>>();
/**
 * Whether a node of a type is visited by a `visit<wanted>` method: it is `wanted` or a subtype. One
 * test per `find` call, so the walk looks up one table per node, not two.
 */
function isA(wanted: string): (nodeType: string) => boolean {
  let table = matchesByType.get(wanted);
  if (!table) {
    table = new Map();
    matchesByType.set(wanted, table);
  }
  const known = table;
  return (nodeType) => {
    let hit = known.get(nodeType);
    if (hit === undefined) {
      try {
        hit = nodeType === wanted ? recast.types.namedTypes[wanted as keyof typeof recast.types.namedTypes] !== undefined : getSupertypeNames(nodeType).includes(wanted);
      } catch {
        hit = false; // a type ast-types does not know: the visitor has no method for it either
      }
      known.set(nodeType, hit);
    }
    return hit;
  };
}

/** Paths of the nodes of type `wanted` strictly below `start`, in the visitor's order. */
export function findPaths(start: any, wanted: string, filter?: unknown): any[] {
  const found: any[] = [];
  const matches = isA(wanted);
  const keys: (string | number)[] = [];
  const visit = (value: any, isStart: boolean): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) continue;
        keys.push(i);
        visit(value[i], false);
        keys.pop();
      }
      return;
    }
    if (!isStart && typeof value.type === 'string' && matches(value.type) && (!filter || matchNode(value, filter))) {
      found.push(keys.length ? start.get(...keys) : start);
    }
    const fields = fieldsOf(value);
    for (let i = 0; i < fields.length; i++) {
      const child = value[fields[i]];
      if (child === null || typeof child !== 'object') continue;
      keys.push(fields[i]);
      visit(child, false);
      keys.pop();
    }
  };
  visit(start.value, true);
  return found;
}

function fastFind(this: any, type: { toString(): string }, filter?: unknown) {
  const wanted = type.toString();
  const paths: any[] = [];
  for (const p of this.__paths) {
    for (const found of findPaths(p, wanted, filter)) paths.push(found);
  }
  return Collection.fromPaths(paths, this, type);
}

// The Collection class is not exported; an empty collection leads to its prototype.
const registrations = Object.getPrototypeOf(Collection.fromPaths([]))?.find?.typedRegistrations;
/** jscodeshift's own `find` (kept for the test that proves both give the same paths). */
export const visitorFind: ((this: any, type: unknown, filter?: unknown) => any) | undefined = registrations?.Node;
// Installed only when jscodeshift is laid out as expected; otherwise its own `find` stays.
if (typeof visitorFind === 'function' && visitorFind !== fastFind) registrations.Node = fastFind;
