import { dottedName, enclosingFunctionName, visitNodes } from './ast-visit';
import type { ParsedFile } from './facts';
import type { SignalHandlerFact } from './types';

// A digit suffix too: graceful-shutdown names the listening server `server2` where `server` is the app.
const SERVER_CLOSE = /\b(server|app|fastify|httpServer|httpsServer|instance|srv|api|\w*Server|\w*App)\d*\.(close|stop)\s*\(/;
const CLOSE_CALL = /\b([\w$.]+)\.(close|end|disconnect|quit|destroy|\$disconnect|drain|stop|shutdown)\s*\(/g;

/** Every `process.on/once('SIG…', handler)` of a file, with what its handler does. */
export function signalsIn(p: ParsedFile): SignalHandlerFact[] {
  const out: SignalHandlerFact[] = [];
  visitNodes(p.ast, (node, ancestors) => {
    if (node.type !== 'CallExpression') return;
    const callee = dottedName(node.callee);
    if (!callee || !/^process\.(on|once|addListener|prependListener)$/.test(callee)) return;
    const [event, handler] = node.arguments;
    if (event?.type !== 'StringLiteral' || !/^SIG[A-Z]+$/.test(event.value)) return;
    const body = handler && typeof handler.start === 'number' ? p.source.slice(handler.start, handler.end) : '';
    // A named handler function declared in the file: read its body too.
    const named = handler?.type === 'Identifier' ? functionText(p, handler.name) : '';
    const text = body + named;
    const closeAt = text.search(SERVER_CLOSE);
    const exitAt = text.search(/process\.exit\s*\(/);
    // A forced exit in a timer (the usual "timed out, forcing exit") runs after the drain had its time.
    const timers = [...text.matchAll(/\b(?:setTimeout|setInterval|setImmediate)\s*\(/g)].map((m) => parenRange(text, m.index! + m[0].length - 1));
    const exitNow = [...text.matchAll(/process\.exit\s*\(/g)].map((m) => m.index!).find((at) => !timers.some(([a, b]) => at > a && at < b)) ?? -1;
    const closes = [...new Set([...text.matchAll(CLOSE_CALL)].map((m) => `${m[1]}.${m[2]}()`))];
    const inFunction = enclosingFunctionName(ancestors);
    out.push({
      file: p.file,
      line: node.loc?.start.line ?? 0,
      signal: event.value,
      closesServer: closeAt >= 0,
      exits: exitAt >= 0,
      // exit before the close's callback: called at the handler's top level after (or without) a close that takes a callback
      exitsBeforeClose: exitNow >= 0 && (closeAt < 0 || exitsOutsideCallback(text, closeAt, exitNow)),
      closes,
      ...(inFunction ? { inFunction } : {}),
    });
  });
  return out;
}

function functionText(p: ParsedFile, name: string): string {
  let text = '';
  visitNodes(p.ast, (node) => {
    if (text) return;
    if (node.type === 'FunctionDeclaration' && node.id?.name === name) text = p.source.slice(node.start, node.end);
    if (node.type === 'VariableDeclarator' && node.id?.name === name && /Function/.test(node.init?.type ?? '')) text = p.source.slice(node.init.start, node.init.end);
  });
  return text;
}

/** The span of the parenthesised list that opens at `open` (to the end of the text when unbalanced). */
function parenRange(text: string, open: number): [number, number] {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return [open, i];
  }
  return [open, text.length];
}

/** Whether `process.exit` runs outside the close call's own parentheses (so before its callback can fire). */
function exitsOutsideCallback(text: string, closeAt: number, exitAt: number): boolean {
  const [open, end] = parenRange(text, text.indexOf('(', closeAt));
  const closeTakesCallback = /\(\s*(\(|function|async|\w+\s*=>)/.test(text.slice(open, open + 40));
  const awaited = /await\s+[\w$.]*$/.test(text.slice(Math.max(0, closeAt - 30), closeAt + 1)) || /\.then\s*\(/.test(text.slice(end, end + 10));
  // `await new Promise((resolve) => server.close(resolve))`: what follows the awaited promise runs after the callback.
  const inAwaitedPromise = [...text.matchAll(/\bawait\s+new\s+Promise\s*\(/g)]
    .map((m) => parenRange(text, m.index! + m[0].length - 1))
    .some(([a, b]) => closeAt > a && closeAt < b && exitAt > b);
  return closeTakesCallback && !awaited && !inAwaitedPromise && (exitAt < open || exitAt > end);
}
