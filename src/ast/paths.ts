import path from 'node:path';

/**
 * Test code, by path: `*.test.*`, `*.spec.*`, `*.e2e-spec.*` files and anything under `__tests__/`,
 * `__mocks__/`, `test/`, `tests/`, `spec/`, `e2e/` or `fixtures/`. Transforms leave it alone: tests use
 * console output, low bcrypt costs and short timeouts on purpose.
 */
export const TEST_PATH = /(^|\/)(__tests__|__mocks__|tests?|spec|e2e|fixtures?)\/|\.(test|spec|e2e-spec|e2e)\.[cm]?[jt]sx?$/;

/** Whether `file` is `dir` itself or lies below it (absolute paths, no symlinks followed). */
export function isInside(file: string, dir: string): boolean {
  return file === dir || file.startsWith(dir + path.sep);
}

export function isTestPath(relPath: string): boolean {
  return TEST_PATH.test(relPath);
}

/** Build and test tool settings (`vite.config.ts`, `webpack.config.js`): their dev-server proxies are not routes of the service. */
export const TOOL_CONFIG_PATH = /(^|\/)(vite|vitest|webpack|rollup|next|nuxt|svelte|astro|jest|playwright|cypress|karma|babel)\.config\.[cm]?[jt]s$/;
