import { TOOL_CONFIG_PATH, isTestPath } from '../../src/ast/paths';
import type { FileContext } from '../../src/types';

/**
 * Whether the routes a file registers are routes the service serves: runtime code only. Browser
 * code's `fetch('/api/x')`, a Vite proxy's `'/api'` and a test's mini app do not answer a probe.
 * Without a fleet model the path tells: not a test, not a build tool's settings.
 */
export function servesRoutes(ctx: Pick<FileContext, 'role' | 'relPath'>): boolean {
  if (ctx.role) return ctx.role === 'runtime';
  return !isTestPath(ctx.relPath) && !TOOL_CONFIG_PATH.test(ctx.relPath);
}
