import type { FileContext } from '../../src/types';
import { TextEditor } from './edits';
import type { PathPair } from './paths';

export function isCaddyfile(relPath: string): boolean {
  const base = relPath.split('/').pop()!;
  return /^Caddyfile(\..*)?$/.test(base) || /\.caddyfile$/i.test(base);
}

/** `health_uri /healthz` (and the older `health_path`) of reverse_proxy active health checks. */
export function applyCaddyfile(source: string, ctx: FileContext, pair: PathPair): string {
  const editor = new TextEditor(source, ctx, pair);
  for (const m of source.matchAll(/^([ \t]*(health_uri|health_path)[ \t]+)(\S+)/gm)) {
    const at = m.index! + m[1].length;
    editor.path(at, at + m[3].length, `Caddyfile ${m[2]}`);
  }
  editor.reportLeftovers('Caddyfile');
  return editor.result();
}
