import { lineOf } from '../src/ast/scope';
import { isEnvTemplate } from '../src/deploy/env-file';
import { toJscodeshift } from '../src/jscodeshift-adapter';
import type { Transform } from '../src/types';
import { bcryptRoundsArguments } from './bcrypt-rounds/bcrypt-calls';
import { envFallbacks } from './bcrypt-rounds/env-fallbacks';
import { lowRoundsEntries, raiseEntries } from './bcrypt-rounds/env-template';
import { namedRoundsSettings, ROUNDS_NAME } from './bcrypt-rounds/named-settings';
import { literalRounds, raisedLiteral } from './bcrypt-rounds/rounds-literal';
import { readsOf, roundsSource } from './bcrypt-rounds/rounds-source';
import { isTestPath } from '../src/ast/paths';


export const bcryptRounds: Transform = {
  name: 'bcrypt-rounds',
  summary: 'Raises bcrypt salt-round defaults below the minimum (default 12)',
  options: {
    min: {
      type: 'number',
      default: 12,
      description: 'Lowest bcrypt cost (salt rounds) a default may have; lower literals are raised to it',
      validate: (v) => (Number.isInteger(v) && (v as number) >= 4 && (v as number) <= 31 ? null : 'expected a whole number from 4 to 31 (the costs bcrypt accepts)'),
    },
  },
  ast: {
    edits: true,
    prefilter: (source) => /bcrypt|rounds|work_?factor/i.test(source),
    // Tests hash with a low cost on purpose, to stay fast.
    exclude: (relPath) => (isTestPath(relPath) ? 'test code: a low bcrypt cost keeps tests fast' : null),
    apply(root, ctx) {
      const { j } = ctx;
      const edit = ctx.edit!;
      const min: number = ctx.options.min;
      const toRaise = new Set<any>();
      const low = (node: any) => (literalRounds(node) ?? min) < min;

      for (const node of envFallbacks(j, root)) if (low(node)) toRaise.add(node);
      for (const node of namedRoundsSettings(j, root)) if (low(node)) toRaise.add(node);

      const { costs: costArguments, defaulted } = bcryptRoundsArguments(j, root);
      const argumentNodes = new Set(costArguments.map((p) => p.node));
      for (const arg of costArguments) {
        const source = roundsSource(j, arg);
        if (source.kind === 'by-environment') {
          if (low(source.production)) toRaise.add(source.production);
          continue;
        }
        if (source.kind === 'unknown' || !low(source.node)) continue;
        if (source.kind === 'literal') {
          toRaise.add(source.node);
          continue;
        }
        // A constant that only feeds bcrypt is bcrypt's cost whatever its name; one that also feeds
        // other code (`const TEN = 10`) would change that code too.
        const sharedWith = source.name.startsWith('this.') ? [] : readsOf(j, root, source.name, source.declaration).filter((p) => !argumentNodes.has(p.node));
        if (ROUNDS_NAME.test(source.name.replace(/^this\./, '')) || sharedWith.length === 0) toRaise.add(source.node);
        else
          ctx.manual(
            lineOf(arg.node),
            `bcrypt's cost comes from ${source.name} = ${literalRounds(source.node)}, below ${min}, and ${source.name} is used elsewhere too: pass a cost of at least ${min} here`,
          );
      }

      for (const node of toRaise) edit.replace(node, raisedLiteral(node, min, ctx.style.quote));
      // `genSalt()` salts with the library's default of 10: the cost is written out.
      for (const { node: call } of defaulted) {
        if (call.arguments.length) edit.insertBefore(call.arguments[0], `${min}, `);
        else edit.insertBefore({ start: call.end - 1, end: call.end }, String(min));
      }
      ctx.changed(toRaise.size + defaulted.length);
    },
  },
  text: {
    claims: (relPath) => isEnvTemplate(relPath),
    prefilter: (source) => /ROUNDS|BCRYPT_COST|WORK_FACTOR/.test(source),
    apply(source, ctx) {
      const min: number = ctx.options.min;
      const entries = lowRoundsEntries(source, min);
      ctx.changed(entries.length);
      return raiseEntries(source, entries, min);
    },
  },
};

export default toJscodeshift(bcryptRounds);
