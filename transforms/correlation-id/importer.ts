import type { Collection } from 'jscodeshift';
import { ensureImportEdit } from '../../src/ast/edit-imports';
import { findImport, type ImportRequest } from '../../src/ast/imports';
import { specifierFor, specifierMatches, withRuntimeExtension } from '../../src/ast/modules';
import type { AstContext } from '../../src/types';
import { importFor } from './scaffold-targets';

/** The configured module's export `name`, imported once per file and only when something uses it. */
export interface Importer {
  /** The export's name, for messages. */
  name: string;
  /** Local name the file already binds it to, or null. */
  existing(): string | null;
  /** Imports it (ESM or CommonJS as the file is, alias on a clash) and returns the local name. */
  ensure(): string;
}

export function importerFor(root: Collection<any>, ctx: AstContext, name: string, kind: 'named' | 'default'): Importer {
  const option = importFor(ctx.options, ctx.path)!;
  const request: ImportRequest = {
    source: withRuntimeExtension(specifierFor(option, ctx.root, ctx.path), ctx.service, ctx.path),
    name,
    kind,
    matches: (spec) => specifierMatches(spec, ctx.path, option, ctx.root),
  };
  let local: string | null = null;
  return {
    name,
    existing: () => local ?? findImport(ctx.j, root, request),
    ensure() {
      local ??= ensureImportEdit(ctx, root, request).local;
      return local;
    },
  };
}
