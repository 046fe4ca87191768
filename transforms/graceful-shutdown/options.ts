export interface HelperOption {
  /** Package or path (resolved from the config's folder) that exports the helper. */
  import: string;
  /** Its exported name; `registerGracefulShutdown` when left out. */
  name?: string;
}

export const HELPER_DEFAULT_NAME = 'registerGracefulShutdown';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
// Signals a Node process can install a handler for (SIGKILL and SIGSTOP cannot be caught).
const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2', 'SIGBREAK'];

export function validateTimeout(value: unknown): string | null {
  const n = value as number;
  return Number.isInteger(n) && n > 0 ? null : `expected a positive whole number of milliseconds, got ${JSON.stringify(value)}`;
}

export function validateDelay(value: unknown): string | null {
  const n = value as number;
  return Number.isInteger(n) && n >= 0 ? null : `expected a whole number of milliseconds (0 for none), got ${JSON.stringify(value)}`;
}

export function validateSignals(value: unknown): string | null {
  const list = value as string[];
  if (list.length === 0) return 'expected at least one signal';
  const unknown = list.find((s) => !SIGNALS.includes(s));
  if (unknown) return `'${unknown}' cannot be handled; use some of ${SIGNALS.join(', ')}`;
  if (!list.includes('SIGTERM')) return "must include 'SIGTERM': it is what orchestrators (ECS, Kubernetes) send before they kill a task";
  return null;
}

export function validateHelper(value: unknown): string | null {
  const h = value as Record<string, unknown>;
  const extra = Object.keys(h).find((k) => k !== 'import' && k !== 'name');
  if (extra) return `unknown key '${extra}': expected { "import": "...", "name": "${HELPER_DEFAULT_NAME}" }`;
  if (typeof h.import !== 'string' || h.import.trim() === '') return 'expected "import": the module or path that exports the helper';
  if (h.name !== undefined && (typeof h.name !== 'string' || !IDENTIFIER.test(h.name))) return `expected "name" to be an identifier, got ${JSON.stringify(h.name)}`;
  return null;
}
