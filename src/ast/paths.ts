/**
 * Test code, by path: `*.test.*`, `*.spec.*`, `*.e2e-spec.*` files and anything under `__tests__/`,
 * `__mocks__/`, `test/`, `tests/`, `spec/`, `e2e/` or `fixtures/`. Transforms leave it alone: tests use
 * console output, low bcrypt costs and short timeouts on purpose.
 */
export const TEST_PATH = /(^|\/)(__tests__|__mocks__|tests?|spec|e2e|fixtures?)\/|\.(test|spec|e2e-spec|e2e)\.[cm]?[jt]sx?$/;

export function isTestPath(relPath: string): boolean {
  return TEST_PATH.test(relPath);
}
