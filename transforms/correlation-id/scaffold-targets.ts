import path from 'node:path';
import { isInside } from '../../src/ast/paths';
import { sourceRootOfGraph } from '../../src/fleet/source-root';
import { isDir } from '../../src/fleet/read';
import type { ServiceModel } from '../../src/fleet/types';
import { middlewareFolder } from '../../src/scaffold/folders';

/**
 * The folders whose `middleware/` (or the project's own `middlewares/`) gets a scaffolded module. Normally one: the service's source
 * root. When the service's images do not contain that folder (one package.json at the repo root,
 * each Dockerfile copying only `api-gateway/`), a module at the source root would be missing from
 * every image: then each copied folder that holds an app gets its own (its `src/` when it has one).
 */
export function scaffoldFolders(service: ServiceModel, appFiles: string[]): string[] {
  // The files that hold apps stand for the service's runtime graph when the model has none.
  const source = sourceRootOfGraph(service, appFiles);
  const home = middlewareFolder(source);
  const contexts = service.buildContext?.length ? service.buildContext : [service.dir];
  if (contexts.some((c) => isInside(home, c))) return [source];
  const folders = new Set<string>();
  for (const c of contexts) {
    if (!isDir(c) || !appFiles.some((f) => isInside(f, c))) continue;
    const src = path.join(c, 'src');
    folders.add(appFiles.some((f) => isInside(f, src)) ? src : c);
  }
  return [...folders].sort();
}

/** The import path (config-folder relative) the scaffold of the folder holding `file` answers to. */
export function importFor(options: { import?: string; importByFolder?: Record<string, string> }, file: string): string | undefined {
  const byFolder = options.importByFolder;
  if (byFolder) {
    // The deepest folder that holds the file: a nested service folder wins over its parent.
    const match = Object.keys(byFolder)
      .filter((dir) => isInside(file, dir))
      .sort((a, b) => b.length - a.length)[0];
    if (match) return byFolder[match];
  }
  return options.import;
}
