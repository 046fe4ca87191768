import { dockerInstructions, type DockerInstruction } from '../../src/deploy/dockerfile';
import type { FileContext } from '../../src/types';
import { TextEditor } from './edits';
import type { PathPair } from './paths';

const HEALTH_VAR = /health|probe|liveness|readiness/i;

/** Where an instruction's arguments begin: after its keyword and the blanks that follow it. */
function argumentsStart(source: string, ins: DockerInstruction): number {
  return ins.start + /^[A-Za-z]+[ \t]*/.exec(source.slice(ins.start, ins.end))![0].length;
}

/** HEALTHCHECK probes (curl, wget, `node -e`), and ENV/ARG health paths they may read. */
export function applyDockerfile(source: string, ctx: FileContext, pair: PathPair): string {
  const editor = new TextEditor(source, ctx, pair);
  for (const ins of dockerInstructions(source)) {
    const start = argumentsStart(source, ins);
    if (ins.keyword === 'HEALTHCHECK') editor.command(start, ins.end, 'Dockerfile HEALTHCHECK');
    else if (ins.keyword === 'ENV' || ins.keyword === 'ARG') {
      const text = source.slice(start, ins.end);
      // `ENV HEALTH_PATH=/healthz OTHER=x` and the legacy `ENV HEALTH_URL http://...`
      const pairs = [...text.matchAll(/([A-Za-z_][\w]*)(=|[ \t]+)("[^"]*"|'[^']*'|[^\s\\]+)/g)];
      const legacy = pairs.length > 0 && pairs[0][2] !== '=';
      for (const p of legacy ? pairs.slice(0, 1) : pairs) {
        if (!HEALTH_VAR.test(p[1])) continue;
        const at = start + p.index! + p[1].length + p[2].length;
        // A variable is not a probe by itself: no probe record.
        editor.path(at, at + p[3].length, '');
      }
    }
  }
  editor.reportLeftovers('Dockerfile');
  return editor.result();
}
