import { toJscodeshift } from '../src/jscodeshift-adapter';
import { importUsage, removeNewlyUnusedImportEdits, removeSideEffectImportEdits } from '../src/ast/unused-imports';
import type { Transform } from '../src/types';
import { reportOrphans, variableUses } from './logger-stdout-only/orphans';
import { reportMorganFileStreams } from './logger-stdout-only/morgan';
import { rewritePinoDestinations } from './logger-stdout-only/pino';
import { usesWinston, winstonNames } from './logger-stdout-only/winston-names';
import { WinstonRewrite } from './logger-stdout-only/winston-transports';
import { isTestPath } from '../src/ast/paths';


function classNames(value: unknown): string | null {
  return (value as string[]).some((v) => !/^[A-Za-z_$][\w$]*$/.test(v)) ? 'expected class names such as "File"' : null;
}

export const loggerStdoutOnly: Transform = {
  name: 'logger-stdout-only',
  summary: 'Removes winston/pino file transports so containers log to stdout only',
  options: {
    transports: {
      type: 'string[]',
      description: 'Classes of winston.transports that write to files and are removed',
      default: ['File', 'DailyRotateFile'],
      validate: classNames,
    },
    transportModules: {
      type: 'string[]',
      description:
        'Packages whose export is a file transport class (removed like winston.transports.File, and the package import with it when nothing else uses it)',
      default: ['winston-daily-rotate-file'],
    },
    pino: {
      type: 'boolean',
      description: 'Also point pino file destinations (pino.destination(file), pino/file targets) at stdout',
      default: true,
    },
  },
  ast: {
    edits: true,
    prefilter: (source, options) =>
      source.includes('winston') ||
      source.includes('morgan') ||
      (options.pino !== false && source.includes('pino')) ||
      (options.transportModules ?? []).some((m: string) => source.includes(m)),
    // Tests may write log files on purpose (to assert on them); they never run in the container.
    exclude: (relPath) => (isTestPath(relPath) ? 'test code' : null),
    apply(root, ctx) {
      const { j } = ctx;
      const before = importUsage(j, root);
      const variables = variableUses(j, root);
      const names = winstonNames(j, root, ctx.options.transports, ctx.options.transportModules);
      if (usesWinston(names)) {
        const result = new WinstonRewrite(root, ctx, names, ctx.options.transports).run();
        // The plugin's import registers `transports.DailyRotateFile`: it goes only with the last use.
        if (result.removedPluginTransport && result.leftInPlace === 0) {
          const removed = removeSideEffectImportEdits(root, ctx.edit!, ctx.options.transportModules);
          ctx.changed(removed.length);
        }
      }
      if (ctx.options.pino) rewritePinoDestinations(j, root, ctx);
      reportMorganFileStreams(j, root, (line, message) => ctx.manual(line, message));
      removeNewlyUnusedImportEdits(j, root, ctx.edit!, before);
      reportOrphans(j, root, variables, ctx.edit!.list, (line, message) => ctx.manual(line, message));
    },
  },
};

export default toJscodeshift(loggerStdoutOnly);
