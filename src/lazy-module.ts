/**
 * A library loaded on its first use rather than when the importing module loads. Every run loads the
 * CLI and all transforms before it reads the config; libraries most runs never call (the YAML parser,
 * the diff library) would otherwise cost every start their load time (README, Start-up).
 */
export function lazyModule<T extends object>(load: () => T): T {
  let loaded: T | undefined;
  return new Proxy({} as T, {
    get: (_target, key) => (loaded ??= load())[key as keyof T],
    has: (_target, key) => key in (loaded ??= load()),
  });
}
