import { parseExpression } from '@babel/parser';
import type { OptionSpec, Options } from '../../src/types';

export const CONSOLE_LEVELS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

export const DEFAULT_LEVELS: Record<string, string> = { log: 'info', info: 'info', warn: 'warn', error: 'error', debug: 'debug', trace: 'debug' };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function checkIdentifier(value: unknown): string | null {
  return IDENTIFIER.test(String(value)) ? null : `expected an identifier, got ${JSON.stringify(value)}`;
}

export const OPTIONS: Record<string, OptionSpec> = {
  import: {
    type: 'string',
    description:
      "Where the logger comes from: a package ('@acme/shared') or a path resolved from the config file's folder ('./src/lib/logger'). Default: the logger import most files already use.",
  },
  name: { type: 'string', description: 'The exported name of the logger (the local name for a default import).', default: 'logger', validate: checkIdentifier },
  kind: { type: 'string', description: 'How the logger is exported.', default: 'named', enum: ['named', 'default'] },
  style: {
    type: 'string',
    description:
      "The logger's library, which decides the call shape: 'winston' writes logger.info(message, meta), 'pino' and 'bunyan' logger.info(meta, message) with errors under err. Default: the library of the service's logger in the fleet model, else winston.",
    enum: ['winston', 'pino', 'bunyan'],
  },
  levels: {
    type: 'record',
    description: 'console method → logger method; entries given replace the defaults one by one.',
    default: DEFAULT_LEVELS,
    validate(value) {
      for (const [method, level] of Object.entries(value as Record<string, string>)) {
        if (!(CONSOLE_LEVELS as readonly string[]).includes(method))
          return `unknown console method '${method}' (known: ${CONSOLE_LEVELS.join(', ')})`;
        if (!IDENTIFIER.test(level)) return `'${method}' maps to ${JSON.stringify(level)}, which is not a method name`;
      }
      return null;
    },
  },
  errorKey: {
    type: 'string',
    description: "Meta key under which the logger serialises errors. Default: 'err' (pino, bunyan); winston gets the error as its meta argument, or its message and stack spelled out under 'error'.",
    validate: checkIdentifier,
  },
  correlationId: {
    type: 'string|false',
    description:
      "Expression added to meta as correlationId inside Express-style handlers (a `req` parameter in scope); false turns it off. Default: the request property of the service's correlation mechanism in the fleet model (nothing when it has none, or when its logger adds the ID itself); without a model, req.correlationId.",
    validate(value) {
      if (value === false) return null;
      try {
        parseExpression(String(value));
        return null;
      } catch {
        return `${JSON.stringify(value)} is not a JavaScript expression`;
      }
    },
  },
  stripTags: {
    type: 'boolean',
    description: "Drops a leading '[Payment Service]'-style tag from messages when it names the service (its name, package name, folder or the logger's service name); other tags always stay.",
    default: true,
  },
  skipBrowser: {
    type: 'boolean',
    description: 'Skips browser code: files under public/, static/, client/, frontend/, or importing react, react-dom or vue.',
    default: true,
  },
  skipTests: { type: 'boolean', description: 'Skips tests: *.test.*, *.spec.*, *.e2e-spec.* and files under __tests__/, __mocks__/, test/, tests/, spec/, e2e/, fixtures/.', default: true },
  skipScripts: { type: 'boolean', description: 'Skips command-line code, where console output is the interface: files under scripts/, bin/, seeds/, migrations/ and seed.* files.', default: true },
};

/** The options as apply uses them, with the style-dependent defaults settled. */
export interface Settings {
  import: string;
  name: string;
  kind: 'named' | 'default';
  style: 'winston' | 'pino' | 'bunyan';
  /** Whether the config names the style (it then wins over the model). */
  styleGiven: boolean;
  levels: Record<string, string>;
  errorKey?: string;
  correlationId?: string | false;
  stripTags: boolean;
  skipBrowser: boolean;
  /** Set by prepare when the logger module is created in this run (pino, winston or plain). */
  scaffold?: string;
}

export function settingsOf(options: Options): Settings {
  const style = options.style === 'pino' || options.style === 'bunyan' ? options.style : 'winston';
  return {
    import: options.import,
    name: options.name ?? 'logger',
    kind: options.kind === 'default' ? 'default' : 'named',
    style,
    styleGiven: options.style !== undefined,
    levels: { ...DEFAULT_LEVELS, ...(options.levels ?? {}) },
    errorKey: options.errorKey,
    correlationId: options.correlationId,
    stripTags: options.stripTags !== false,
    skipBrowser: options.skipBrowser !== false,
    scaffold: options.scaffoldLogger,
  };
}
