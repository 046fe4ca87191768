import type { JSCodeshift } from 'jscodeshift';

/**
 * An expression from text, as a tree to read (what a transform is about to write, searched for the
 * nodes it still holds); transforms write their code as text, never by printing a tree.
 */
export function expressionFromCode(j: JSCodeshift, code: string): any {
  return j(`const __shipshape__ = ${code};`).get().node.program.body[0].declarations[0].init;
}
