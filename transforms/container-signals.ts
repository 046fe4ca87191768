import path from 'node:path';
import { isComposeFile, isDockerfile } from '../src/deploy/probes';
import type { Transform } from '../src/types';
import { applyCompose } from './container-signals/compose';
import { applyDockerfile } from './container-signals/dockerfile';
import { serviceDirs } from './container-signals/service-dir';

/**
 * Makes SIGTERM reach node in the container: a Dockerfile CMD/ENTRYPOINT or compose `command:` that
 * starts the service through npm/yarn/pnpm or a shell becomes an exec-form command running node
 * directly (the script's command read from package.json), or a manual item when that is not safe.
 * Without it no shutdown handler runs at all: the orchestrator kills the task at the grace period's end.
 */
export const containerSignals: Transform = {
  name: 'container-signals',
  summary: 'Rewrites Dockerfile CMD/ENTRYPOINT and compose command: that hide SIGTERM from node (npm start, sh -c) into exec form running node',
  options: {},
  text: {
    claims: (relPath) => isDockerfile(relPath) || isComposeFile(relPath),
    prefilter: (source) => /\b(CMD|ENTRYPOINT|command)\b/i.test(source),
    apply(source, ctx) {
      const dirs = serviceDirs(ctx.service);
      if (isDockerfile(ctx.relPath)) {
        // npm start in the image runs the service's package.json scripts: the service's folder, else the Dockerfile's.
        const own = ctx.service?.package ? ctx.service.dir : path.dirname(ctx.path);
        return applyDockerfile(source, ctx, dirs(own).scripts);
      }
      return applyCompose(source, ctx, dirs);
    },
  },
};
