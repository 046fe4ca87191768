import fs from 'node:fs';
import path from 'node:path';
import type { PackageFacts, ServiceModel, TsconfigFacts } from '../fleet/types';

/**
 * What verification needs to know of a service: the slice of the fleet model it decides from.
 * Paths are absolute.
 */
export type VerifyService = Pick<ServiceModel, 'name' | 'dir' | 'buildContext'> & {
  package?: Pick<PackageFacts, 'file' | 'type' | 'dependencies' | 'devDependencies'> & { peerDependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
  tsconfig?: Pick<TsconfigFacts, 'file' | 'errors'>;
};

function readJson(file: string): any {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

/** The nearest `name` file from `dir` upward, not above `top`. */
export function findUpFile(dir: string, name: string, top: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    const candidate = path.join(d, name);
    if (fs.existsSync(candidate)) return candidate;
    if (d === top || !d.startsWith(top) || path.dirname(d) === d) return undefined;
  }
}

/**
 * The verification view of a service from its folder alone (the package.json and tsconfig.json at
 * or above it, up to the run's root), for a run that has no fleet model for it.
 */
export function serviceFromFolder(name: string, dir: string, root: string): VerifyService {
  const pkgFile = findUpFile(dir, 'package.json', root);
  const pkg = pkgFile ? readJson(pkgFile) : undefined;
  const tsFile = findUpFile(dir, 'tsconfig.json', root);
  return {
    name,
    dir,
    buildContext: [pkgFile ? path.dirname(pkgFile) : dir],
    package: pkgFile
      ? {
          file: pkgFile,
          type: pkg?.type === 'module' ? 'module' : pkg?.type === 'commonjs' ? 'commonjs' : undefined,
          dependencies: pkg?.dependencies ?? {},
          devDependencies: pkg?.devDependencies ?? {},
          peerDependencies: pkg?.peerDependencies ?? {},
          optionalDependencies: pkg?.optionalDependencies ?? {},
        }
      : undefined,
    tsconfig: tsFile ? { file: tsFile, errors: [] } : undefined,
  };
}
