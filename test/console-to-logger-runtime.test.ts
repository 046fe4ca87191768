import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { format } from 'node:util';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import winston from 'winston';
import { resolveOptions } from '../src/config/options';
import { transformFile } from '../src/engine/transform-file';
import { loggerScaffold } from '../src/scaffold/logger';
import { consoleToLogger } from '../transforms/console-to-logger';
import { makeService } from './helpers/service';

/**
 * Nothing lost in the line the service really prints: each console call is rewritten, then both the
 * original and the rewritten call run with the same values, the original through what console
 * prints (util.format) and the rewrite through a real logger; every word the console line showed
 * (strings, numbers, object fields, Error message and stack) must be in the logger's line.
 */
const PARAMS = ['studentId', 'trainerId', 'err', 'order', 'details', 'count', 'payload'];

function values(): unknown[] {
  const err = new Error('card declined');
  return ['stu-42', 'tr-7', err, { id: 'ord-9', total: 12.5, items: ['apple', 'pear'] }, { cart: 'c-1', reason: 'timeout' }, 3, 'raw-body'];
}

const CASES = [
  "console.log('Server started')",
  "console.log('Creating booking for', studentId, 'with trainer', trainerId)",
  "console.log(studentId, 'booked', order, 'on', count)",
  "console.info('Order stored:', order)",
  "console.log('Order', order.id, { total: order.total, items: order.items })",
  "console.error('Error sending notification:', err)",
  "console.error(err)",
  // An Error logged with console.log: console printed its stack; it stays info (pdf-processor's error handler).
  "console.log(err)",
  "console.error('Payment failed for', studentId, err)",
  "console.error('[billing/checkout] error:', details)",
  "console.warn('[purgeResetTokensJob] failed:', err, details)",
  'console.log(`Total ${count} items for ${studentId}`, order)',
  "console.log('Count is ' + count, trainerId)",
  'console.log(order)',
  'console.debug(payload)',
  "console.log('Retrying', count, 'times', { reason: details.reason })",
  "console.error('Lookup failed', { error: err.message, stack: err.stack })",
];

function rewrite(call: string, options: Record<string, unknown>, prepared: Record<string, unknown> = {}): string {
  const source = `'use strict';\n\nfunction createOrder(${PARAMS.join(', ')}) {\n  ${call};\n}\n`;
  const resolved = { ...resolveOptions(consoleToLogger, { import: './src/lib/logger', correlationId: false, ...options }, 'runtime test'), ...prepared };
  const result = transformFile({ path: '/r/src/orders.js', relPath: 'src/orders.js', root: '/r', source }, [consoleToLogger], { 'console-to-logger': resolved });
  expect(result.error).toBeUndefined();
  expect(result.manual).toEqual([]);
  const body = /function createOrder\([^)]*\) \{\n([\s\S]*)\n\}/.exec(result.output ?? source)![1];
  expect(body).not.toContain('console.');
  return body;
}

function run(body: string, args: unknown[], consoleShim: unknown, logger: unknown): void {
  new Function('console', 'logger', ...PARAMS, body)(consoleShim, logger, ...args);
}

/** What console printed for the call: util.format of its arguments, as console does. */
function consoleLine(call: string, args: unknown[]): string {
  let out = '';
  const shim = Object.fromEntries(['log', 'info', 'warn', 'error', 'debug'].map((m) => [m, (...a: unknown[]) => (out += format(...a))]));
  run(`${call};`, args, shim, undefined);
  return out;
}

function words(text: string): string[] {
  return [...new Set(text.match(/[\w$.\-/]+/g) ?? [])];
}

function sink(): { stream: Writable; text: () => string } {
  let out = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      out += chunk.toString();
      done();
    },
  });
  return { stream, text: () => out };
}

/** Every key and value of the logger's JSON line, flattened: what a reader of the log sees. */
function loggedText(line: string): string {
  const parsed = JSON.parse(line.trim());
  const parts: string[] = [];
  const visit = (v: unknown) => {
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) parts.push(k), visit(x);
    else parts.push(String(v));
  };
  visit(parsed);
  return parts.join(' ');
}

/** winston's simple format: `level: message {json of the rest}`. */
function simpleText(line: string): string {
  const meta = / \{".*\}\s*$/.exec(line);
  return meta ? `${line.slice(0, meta.index)} ${loggedText(meta[0])}` : line;
}

const LOGGERS: { name: string; options: Record<string, unknown>; make(s: Writable): any; read?: (line: string) => string }[] = [
  {
    name: 'winston, JSON format',
    options: { style: 'winston' },
    make: (s) => winston.createLogger({ level: 'debug', format: winston.format.json(), transports: [new winston.transports.Stream({ stream: s })] }),
  },
  {
    name: 'winston, errors + JSON format',
    options: { style: 'winston' },
    make: (s) => winston.createLogger({ level: 'debug', format: winston.format.combine(winston.format.errors({ stack: true }), winston.format.json()), transports: [new winston.transports.Stream({ stream: s })] }),
  },
  {
    // pdf-processor-rabbitmq-nodejs's format: a text line, its meta as JSON after the message.
    name: 'winston, simple format',
    options: { style: 'winston' },
    make: (s) => winston.createLogger({ level: 'debug', format: winston.format.simple(), transports: [new winston.transports.Stream({ stream: s })] }),
    read: simpleText,
  },
  { name: 'pino', options: { style: 'pino' }, make: (s) => pino({ level: 'debug' }, s) },
];

describe('console-to-logger at run time: every value console printed is in the logger line', () => {
  for (const lib of LOGGERS) {
    describe(lib.name, () => {
      for (const call of CASES) {
        it(call, () => {
          const args = values();
          const expected = consoleLine(call, args);
          const body = rewrite(call, lib.options);
          const out = sink();
          run(body, args, undefined, lib.make(out.stream));
          const logged = (lib.read ?? loggedText)(out.text());
          const missing = words(expected).filter((w) => !logged.includes(w));
          expect(missing, `console printed:\n${expected}\nlogger printed:\n${out.text()}\nrewritten: ${body.trim()}`).toEqual([]);
        });
      }
    });
  }

  describe('the scaffolded JSON-lines logger (no dependency)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-logger-'));
    const service = makeService({ dir, sourceRoot: dir, language: 'javascript', moduleSystem: 'commonjs' });
    const scaffold = loggerScaffold(service);
    fs.writeFileSync(scaffold.path, scaffold.content);
    // As for the libraries above: debug lines are printed only at level debug.
    process.env.LOG_LEVEL = 'debug';
    const { logger } = require(scaffold.path);
    delete process.env.LOG_LEVEL;
    // The options prepare gives a service without a logger.
    const prepared = consoleToLogger.prepare!({ cwd: dir, root: dir, files: [`${dir}/a.js`], options: {}, read: () => 'console.log(1)', service }) as Record<string, unknown>;
    for (const call of CASES) {
      it(call, () => {
        const args = values();
        const expected = consoleLine(call, args);
        const body = rewrite(call, {}, prepared);
        let out = '';
        const write = process.stdout.write;
        process.stdout.write = ((chunk: string) => ((out += chunk), true)) as any;
        try {
          run(body, args, undefined, logger);
        } finally {
          process.stdout.write = write;
        }
        const missing = words(expected).filter((w) => !loggedText(out).includes(w));
        expect(missing, `console printed:\n${expected}\nlogger printed:\n${out}\nrewritten: ${body.trim()}`).toEqual([]);
      });
    }
  });
});
