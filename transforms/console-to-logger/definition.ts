import path from 'node:path';
import type { LoggerFact, ServiceModel, Where } from '../../src/fleet/types';
import type { LoggerImport } from './prepare';

const CODE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs'];
const LEVELS = ['error', 'warn', 'info', 'debug', 'trace', 'fatal', 'log'];

/** The module file a specifier of the service names: a relative path, or a workspace package's main. */
function moduleFile(candidate: LoggerImport, root: string, service: ServiceModel, exists: (file: string) => boolean): string | null {
  let base: string;
  if (candidate.module.startsWith('.') || path.isAbsolute(candidate.module)) base = path.resolve(root, candidate.module);
  else {
    const dir = service.workspaceDeps[candidate.module];
    if (!dir) return null;
    base = path.join(dir, 'src', 'index');
    if (!CODE_EXTENSIONS.some((e) => exists(base + e))) base = path.join(dir, 'index');
  }
  const stem = base.replace(/\.[cm]?[jt]sx?$/, '');
  const tries = [base, ...CODE_EXTENSIONS.map((e) => stem + e), ...CODE_EXTENSIONS.map((e) => path.join(stem, `index${e}`))];
  return tries.find(exists) ?? null;
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** A `printf((info) => …)` template that reads nothing but level, message and timestamp. */
function printfIgnoringMeta(text: string, file: string): Where | undefined {
  const m = /printf\(\s*(?:\(([^)]*)\)|([\w$]+))\s*=>/.exec(text);
  if (!m) return undefined;
  const body = text.slice(m.index, m.index + 400);
  const param = (m[1] ?? m[2] ?? '').trim();
  const destructured = /^\{([^}]*)\}/.exec(param);
  if (destructured) {
    if (/\.\.\./.test(destructured[1])) return undefined;
    const names = destructured[1].split(',').map((s) => s.split(':')[0].trim()).filter(Boolean);
    if (names.every((n) => ['level', 'message', 'timestamp', 'label', 'stack'].includes(n))) return { file, line: lineOf(text, m.index) };
    return undefined;
  }
  // `(info) => `${info.level} ${info.message}``: only named fields read, never the whole object.
  const reads = [...body.matchAll(new RegExp(`\\b${param.replace(/[$]/g, '\\$')}\\b(\\.[\\w$]+)?`, 'g'))].slice(1);
  if (reads.length > 0 && reads.every((r) => r[1] && ['.level', '.message', '.timestamp', '.label', '.stack'].includes(r[1]))) return { file, line: lineOf(text, m.index) };
  return undefined;
}

/**
 * What the module a candidate import names really is, read off its definition: an instance of
 * winston, pino or bunyan, or an object whose level methods exist (with their parameter counts).
 * null when it is neither (a helper that happens to be called `log`). The fleet model's own logger
 * fact, when it has one, is used instead of this.
 */
export function loggerFromDefinition(candidate: LoggerImport, root: string, service: ServiceModel, read: (file: string) => string | undefined, exists: (file: string) => boolean): LoggerFact | null {
  const file = moduleFile(candidate, root, service, exists);
  if (!file) return null;
  const text = read(file);
  if (text === undefined) return null;
  const fact = (library: LoggerFact['library'], why: string, extra: Partial<LoggerFact> = {}): LoggerFact => ({
    module: file,
    exportName: candidate.kind === 'default' ? 'default' : candidate.name,
    library,
    why: `${path.relative(root, file)} ${why}`,
    defined: { file, line: 0 },
    ...extra,
  });
  if (/\bfrom\s+['"]winston['"]|require\(\s*['"]winston['"]\s*\)/.test(text) && /createLogger\s*\(/.test(text)) {
    const printf = printfIgnoringMeta(text, file);
    return fact('winston', 'creates a winston logger', { winston: { json: /format\.json\(|\bjson\(\)/.test(text), errors: /\berrors\(\s*\{?/.test(text), ...(printf ? { printfIgnoresMeta: printf } : {}) } });
  }
  if (/\bfrom\s+['"]pino['"]|require\(\s*['"]pino['"]\s*\)/.test(text)) return fact('pino', 'creates a pino logger', { addsCorrelationId: /\bmixin\s*[:(]/.test(text) });
  if (/\bfrom\s+['"]bunyan['"]|require\(\s*['"]bunyan['"]\s*\)/.test(text)) return fact('bunyan', 'creates a bunyan logger');
  // A project logger: level methods defined as functions (`info(message) {`, `info: (msg) =>`, `exports.info = (m) =>`).
  const methods: Record<string, number> = {};
  for (const level of LEVELS) {
    const m = new RegExp(`(?:^|[\\s{,.])${level}\\s*(?::\\s*(?:async\\s*)?(?:function\\s*)?|=\\s*(?:async\\s*)?(?:function\\s*)?)?\\(([^)]*)\\)\\s*(?:=>|\\{)`, 'm').exec(text);
    if (m) methods[level] = m[1].trim() === '' ? 0 : m[1].split(',').filter((p) => !/^\s*\.\.\./.test(p)).length || 0;
  }
  if (Object.keys(methods).filter((l) => l !== 'log').length >= 2) return fact('custom', `defines level methods ${Object.keys(methods).join(', ')}`, { methods });
  return null;
}
