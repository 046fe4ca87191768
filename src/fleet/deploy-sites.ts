import path from 'node:path';
import type { FleetModel } from './types';

/**
 * Which service a place in a deployment file belongs to: a compose file or a Kubernetes manifest
 * may describe several services, each from the line its compose service or container starts on; a
 * Dockerfile belongs to the service whose build uses it; anything else to the service folder it is
 * in. Plain data, so a transform's `prepare` can hand it to its file steps through the options.
 */
export interface DeploySite {
  file: string;
  /** 1-based line the entry starts on; 0 for a whole file (a Dockerfile). */
  line: number;
  /** The service's folder. */
  service: string;
}

export function deploySites(fleet: FleetModel): DeploySite[] {
  const sites: DeploySite[] = [];
  for (const s of fleet.services) {
    for (const c of s.deploy.compose) sites.push({ file: c.file, line: c.line, service: s.dir });
    for (const k of s.deploy.kubernetes) sites.push({ file: k.file, line: k.line, service: s.dir });
    for (const d of s.deploy.dockerfiles) sites.push({ file: d.file, line: 0, service: s.dir });
  }
  return sites;
}

/** The deepest of `dirs` that holds `file`. */
export function folderServiceOf(dirs: string[], file: string): string | undefined {
  let best: string | undefined;
  for (const dir of dirs) {
    const inside = file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
    if (inside && (best === undefined || dir.length > best.length)) best = dir;
  }
  return best;
}

/** The service (folder) a place belongs to: the deployment entry above it in its file, else the folder it is in. */
export function serviceDirAt(sites: DeploySite[], dirs: string[], file: string, line: number): string | undefined {
  let site: DeploySite | undefined;
  for (const s of sites) if (s.file === file && s.line <= line && (!site || s.line >= site.line)) site = s;
  return site?.service ?? folderServiceOf(dirs, file);
}
