import { toJscodeshift } from '../src/jscodeshift-adapter';
import { isEnvTemplate, parseEnvFile, replaceValues, type EnvEntry } from '../src/deploy/env-file';
import type { Transform } from '../src/types';
import { findSecret } from './env-secrets/detect';
import { maskedPrefix } from './env-secrets/mask';

export const envSecrets: Transform = {
  name: 'env-secrets',
  summary: 'Replaces real-looking secrets in committed env templates with placeholders and asks for rotation',
  options: {
    minLength: {
      type: 'number',
      default: 16,
      description: 'Shortest value of a SECRET/KEY/TOKEN/PASSWORD/PRIVATE key that the entropy test considers',
      validate: (v) => (Number.isInteger(v) && (v as number) >= 8 ? null : 'expected a whole number of at least 8'),
    },
    minEntropy: {
      type: 'number',
      default: 3.5,
      description: 'Shannon entropy (bits per character) from which such a value looks random; hex-only values need 3.0 at most',
      validate: (v) => ((v as number) > 0 && (v as number) <= 6 ? null : 'expected a number of bits per character between 0 and 6'),
    },
    ignoreKeys: {
      type: 'string[]',
      default: [],
      description: 'Keys whose values are never replaced (e.g. a documented public sandbox key)',
    },
  },
  text: {
    claims: (relPath) => isEnvTemplate(relPath),
    prefilter: (source) => source.includes('='),
    apply(source, ctx) {
      const ignored = new Set<string>(ctx.options.ignoreKeys);
      const edits: { entry: EnvEntry; value: string }[] = [];
      for (const entry of parseEnvFile(source)) {
        if (ignored.has(entry.key)) continue;
        const finding = findSecret(entry.key, entry.value, { minLength: ctx.options.minLength, minEntropy: ctx.options.minEntropy });
        if (!finding) continue;

        redactEverywhere(ctx.redact, entry.value, finding.secret);
        const leading = /^\s*/.exec(entry.value)![0];
        const trailing = /\s*$/.exec(entry.value)![0];
        edits.push({ entry, value: leading + finding.placeholder + trailing });
        ctx.manual(
          entry.line,
          `${entry.key} held a real-looking secret (${maskedPrefix(finding.secret)}, ${finding.kind}); rotate it: it was committed and stays in the git history`,
        );
      }
      ctx.changed(edits.length);
      return replaceValues(source, edits);
    },
  },
};

/**
 * Diffs show a value line by line: a multi-line secret (a PEM key) is masked per line as well as
 * whole, and a URL both whole and by its password.
 */
function redactEverywhere(redact: (value: string) => void, value: string, secret: string): void {
  redact(value);
  redact(secret);
  for (const part of value.split(/\\n|\r?\n/)) if (part.trim().length > 4) redact(part.trim());
}

export default toJscodeshift(envSecrets);
