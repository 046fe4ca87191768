import { inSemicolonStyle, quoteString, type CodeStyle } from '../../src/ast/style';
import type { LogTarget } from './logger';
import type { Resource } from './resources';

export interface HandlerNames {
  shutdown: string;
  shuttingDown: string;
  closeIdle: string;
  /** The module-level flag that keeps a handler written inside a function from registering twice. */
  registered?: string;
  /** The local name of the lifecycle module's markDraining, when /ready flips while draining. */
  markDraining?: string;
  /** The set of upgraded sockets the handler ends itself (a socket.io server it cannot name). */
  upgraded?: string;
}

export interface HandlerSpec {
  /** HTTP servers to drain (`server`); empty for Fastify. */
  servers: string[];
  /** Fastify instances to close (`app`). */
  fastify: string[];
  /** hapi servers to stop (`server`). */
  hapi?: string[];
  resources: Resource[];
  log: LogTarget;
  names: HandlerNames;
  /** Kept serving after SIGTERM before anything closes. */
  drainDelayMs: number;
  timeoutMs: number;
  signals: string[];
  typescript: boolean;
  style: CodeStyle;
  /**
   * Completing a handler the process already has. 'then': `shutdown(signal, then)` drains, closes,
   * then runs the existing handler of this file (which exits as before). 'step': the handler is in
   * another module, which runs this `shutdown` through the lifecycle module's runShutdown: it is
   * registered with `onShutdown` (the local name given). Neither registers a signal.
   */
  wraps?: 'then' | { onShutdown: string };
}

const TIMED_OUT = 'Graceful shutdown timed out, forcing exit';
const FAILED = 'Graceful shutdown failed';

/** The handler's lines through console (a service with no logger), quoted by `q`. */
function consoleLines(q: (s: string) => string): { start: string; timeout: string; failed: string } {
  return { start: 'console.info(`${signal} received, shutting down`);', timeout: `console.error(${q(TIMED_OUT)});`, failed: `console.error(${q(FAILED)}, err);` };
}

/**
 * Those calls in either quote style, without the `;` a file without semicolons does not get.
 * console-to-logger creates no logger for these alone: a second run would otherwise create one the
 * first did not.
 */
const CONSOLE_LINES = ["'", '"'].flatMap((mark) => Object.values(consoleLines((text) => `${mark}${text}${mark}`)).map((line) => line.replace(/;$/, '')));

/** A file's text without the console lines of a handler graceful-shutdown wrote. */
export function withoutShutdownConsoleLines(text: string): string {
  return CONSOLE_LINES.reduce((rest, line) => rest.split(line).join(''), text);
}

/** The three log lines of the handler, in the logger's argument order (pino: fields first). */
function logLines(log: LogTarget, q: (s: string) => string, ts: boolean): { start: string; timeout: string; failed: string } {
  const timeout = `${log.expr}.error(${q(TIMED_OUT)});`;
  if (log.style === 'pino')
    return { start: `${log.expr}.info({ signal }, ${q('Shutting down')});`, timeout, failed: `${log.expr}.error({ err }, ${q(FAILED)});` };
  if (log.style === 'winston') {
    // An Error is lossless as winston's meta only with format.errors; elsewhere JSON prints it as {}.
    const failed = log.errorAsMeta
      ? `${log.expr}.error(${q(FAILED)}, err);`
      : `${log.expr}.error(${q(FAILED)}, { error: { message: err${ts ? ' instanceof Error ? err.message : String(err)' : '?.message'}, stack: err${ts ? ' instanceof Error ? err.stack : undefined' : '?.stack'} } });`;
    return { start: `${log.expr}.info(${q('Shutting down')}, { signal });`, timeout, failed };
  }
  return consoleLines(q);
}

/**
 * Statements laid out as one inserted run: a blank line between two statements when either spans
 * several lines (comments count), one-liners together, as the tree-based engine printed them.
 */
export function statementRun(statements: string[]): string {
  return statements.reduce((acc, t, k) => (k === 0 ? t : `${acc}\n${t.includes('\n') || statements[k - 1].includes('\n') ? '\n' : ''}${t}`), '');
}

/**
 * The handler statements as source text at indentation depth 0 in the file's style: a guarded async
 * `shutdown` function that logs, arms an unref'ed force-exit timer, stops the servers (closing idle
 * keep-alive sockets so close can finish), closes the resources in order and exits; then one
 * `process.once` per signal. It never awaits at top level, so it fits CommonJS files too.
 */
export function handlerCode(spec: HandlerSpec): string {
  return inSemicolonStyle(statementRun(handlerStatements(spec)), spec.style);
}

/** The handler's statements, each with its leading comments, in the order they go in. */
function handlerStatements(spec: HandlerSpec): string[] {
  const { names, style, log } = spec;
  const i1 = style.indent;
  const i2 = i1.repeat(2);
  const i3 = i1.repeat(3);
  const i4 = i1.repeat(4);
  const q = (s: string) => quoteString(s, style);
  const ts = spec.typescript;
  const logs = logLines(log, q, ts);
  const hapi = spec.hapi ?? [];
  const serves = spec.servers.length + spec.fastify.length + hapi.length > 0;
  const statements: string[] = [];
  let lines: string[] = [];
  // Ends the statement being written.
  const end = () => {
    statements.push(lines.join('\n'));
    lines = [];
  };
  const then = spec.wraps === 'then' ? `, then${ts ? ': (signal: NodeJS.Signals) => unknown' : ''}` : '';
  if (names.upgraded && spec.servers.length === 1) {
    const server = spec.servers[0];
    lines.push('// socket.io runs in a module this one cannot reach, and each open websocket would hold close()');
    lines.push('// until the timeout: the handler ends upgraded connections itself.');
    lines.push(`const ${names.upgraded} = new Set${ts ? "<import('node:stream').Duplex>" : ''}();`);
    end();
    lines.push(`${server}.on(${q('upgrade')}, (_req, socket) => {`);
    lines.push(`${i1}${names.upgraded}.add(socket);`);
    lines.push(`${i1}socket.once(${q('close')}, () => ${names.upgraded}.delete(socket));`);
    lines.push('});');
    end();
  }
  lines.push('// Orchestrators send SIGTERM before killing the task: finish in-flight work, then exit.');
  lines.push(`let ${names.shuttingDown} = false;`);
  end();
  lines.push(`async function ${names.shutdown}(signal${ts ? ': NodeJS.Signals' : ''}${then})${ts ? ': Promise<void>' : ''} {`);
  lines.push(`${i1}if (${names.shuttingDown}) return;`);
  lines.push(`${i1}${names.shuttingDown} = true;`);
  lines.push(`${i1}${logs.start}`);
  const wait = serves ? spec.drainDelayMs : 0;
  lines.push(`${i1}setTimeout(() => {`);
  lines.push(`${i2}${logs.timeout}`);
  lines.push(`${i2}process.exit(1);`);
  lines.push(`${i1}}, ${wait + spec.timeoutMs}).unref();`);
  lines.push(`${i1}try {`);
  if (serves && names.markDraining) lines.push(`${i2}${names.markDraining}(); // /ready now answers 503`);
  if (wait > 0) {
    lines.push(`${i2}// Load balancers keep routing here until they see the task draining or gone: keep serving a`);
    lines.push(`${i2}// moment before closing. Ctrl-C (SIGINT) has no load balancer to wait for.`);
    lines.push(`${i2}if (signal === ${q('SIGTERM')}) await new Promise((resolve) => setTimeout(resolve, ${wait}));`);
  }
  const drain = spec.resources.filter((r) => r.stage === 'drain');
  if (spec.servers.length > 0) {
    // Several servers stop accepting together, then drain together.
    const many = spec.servers.length > 1;
    const server = many ? 'server' : spec.servers[0];
    if (many) lines.push(`${i2}await Promise.all(`);
    if (many) lines.push(`${i3}[${spec.servers.join(', ')}].map(`);
    lines.push(many ? `${i4}(server) =>` : `${i2}await new Promise${ts ? '<void>' : ''}((resolve, reject) => {`);
    if (many) lines.push(`${i4}${i1}new Promise${ts ? '<void>' : ''}((resolve, reject) => {`);
    const body = many ? i4 + i2 : i3;
    lines.push(`${body}// Keep-alive sockets outlive their last response and would hold close() until they time out:`);
    lines.push(`${body}// close them as they fall idle (closeIdleConnections exists since Node 18.2${ts ? '; older typings lack it' : ''}).`);
    const closeIdle = ts ? `(${server} as { closeIdleConnections?(): void }).closeIdleConnections?.()` : `${server}.closeIdleConnections?.()`;
    lines.push(`${body}const ${names.closeIdle} = setInterval(() => ${closeIdle}, 100);`);
    lines.push(`${body}${server}.close((err) => {`);
    lines.push(`${body}${i1}clearInterval(${names.closeIdle});`);
    lines.push(`${body}${i1}if (err) reject(err);`);
    lines.push(`${body}${i1}else resolve();`);
    lines.push(`${body}});`);
    if (!many && names.upgraded) lines.push(`${body}for (const socket of ${names.upgraded}) socket.destroy();`);
    if (!many && drain.length > 0) {
      lines.push(`${body}// Open websockets would too: socket.io disconnects them (and closes the server it is attached to).`);
      for (const r of drain) lines.push(`${body}void ${r.close}`);
    }
    const comma = style.trailingComma ? ',' : '';
    lines.push(many ? `${i4}${i1}})${comma}` : `${i2}});`);
    if (many) lines.push(`${i3})${comma}`);
    if (many) lines.push(`${i2});`);
  }
  // With several servers socket.io goes after them (its close() would close the one it is attached to under them); reported.
  if (spec.servers.length !== 1) for (const r of drain) lines.push(`${i2}await ${r.close}`);
  if (spec.fastify.length > 0) lines.push(`${i2}// Fastify stops accepting connections, waits for in-flight requests and runs its onClose hooks.`);
  for (const app of spec.fastify) lines.push(`${i2}await ${app}.close();`);
  if (hapi.length > 0) lines.push(`${i2}// hapi stops accepting connections and waits up to the timeout for in-flight requests.`);
  for (const server of hapi) lines.push(`${i2}await ${server}.stop({ timeout: ${spec.timeoutMs} });`);
  for (const r of spec.resources.filter((r) => r.stage !== 'drain')) lines.push(`${i2}await ${r.close}`);
  if (spec.wraps === 'then') {
    lines.push(`${i2}// The handler the service had runs last, and exits as it did before.`);
    lines.push(`${i2}await then(signal);`);
  } else if (!spec.wraps) lines.push(`${i2}process.exit(0);`);
  lines.push(`${i1}} catch (err) {`);
  lines.push(`${i2}${logs.failed}`);
  lines.push(`${i2}process.exit(1);`);
  lines.push(`${i1}}`);
  lines.push('}');
  end();
  if (spec.wraps === 'then') return statements;
  if (spec.wraps) {
    lines.push(`// The process's signal handler lives in another module: it runs this first.`);
    lines.push(`${spec.wraps.onShutdown}(${names.shutdown});`);
    end();
    return statements;
  }
  const registrations = spec.signals.map((signal) => `process.once(${q(signal)}, ${names.shutdown});`);
  if (names.registered) {
    // Written inside a function callers run more than once: only the first call registers.
    lines.push(`if (!${names.registered}) {`);
    lines.push(`${i1}${names.registered} = true;`);
    for (const r of registrations) lines.push(`${i1}${r}`);
    lines.push('}');
    end();
  } else statements.push(...registrations);
  return statements;
}

/** `registerGracefulShutdown(server, { timeoutMs: 30000, signals: ['SIGTERM', 'SIGINT'] });` */
export function helperCallCode(helper: string, server: string, timeoutMs: number, signals: string[], style: CodeStyle): string {
  const list = signals.map((s) => quoteString(s, style)).join(', ');
  return `${helper}(${server}, { timeoutMs: ${timeoutMs}, signals: [${list}] });`;
}
