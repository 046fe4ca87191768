import type { FileContext } from '../../src/types';
import { TextEditor } from './edits';
import type { PathPair } from './paths';

const HEALTH_VAR = /health|probe|liveness|readiness/i;

/** `Dockerfile`, `Dockerfile.prod`, `api.Dockerfile`, `x.dockerfile`. */
export function isDockerfile(relPath: string): boolean {
  const base = relPath.split('/').pop()!;
  return /^Dockerfile(\..*)?$/i.test(base) || /\.dockerfile$/i.test(base);
}

interface Instruction {
  keyword: string;
  /** Offset of the arguments (after the keyword) and of the end of the instruction. */
  start: number;
  end: number;
}

/** Instructions with their `\` continuation lines; comment lines inside a continuation are skipped by Docker too. */
function instructions(source: string): Instruction[] {
  const out: Instruction[] = [];
  const re = /^[ \t]*([A-Za-z]+)[ \t]+/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) {
    const start = m.index + m[0].length;
    let end = start;
    for (;;) {
      const nl = source.indexOf('\n', end);
      const lineEnd = nl < 0 ? source.length : nl;
      end = lineEnd;
      if (!/\\[ \t]*$/.test(source.slice(0, lineEnd)) || nl < 0) break;
      end = nl + 1;
    }
    out.push({ keyword: m[1].toUpperCase(), start, end });
    re.lastIndex = Math.max(re.lastIndex, end);
  }
  return out;
}

/** HEALTHCHECK probes (curl, wget, `node -e`), and ENV/ARG health paths they may read. */
export function applyDockerfile(source: string, ctx: FileContext, pair: PathPair): string {
  const editor = new TextEditor(source, ctx, pair);
  for (const ins of instructions(source)) {
    if (ins.keyword === 'HEALTHCHECK') editor.command(ins.start, ins.end, 'Dockerfile HEALTHCHECK');
    else if (ins.keyword === 'ENV' || ins.keyword === 'ARG') {
      const text = source.slice(ins.start, ins.end);
      // `ENV HEALTH_PATH=/healthz OTHER=x` and the legacy `ENV HEALTH_URL http://...`
      const pairs = [...text.matchAll(/([A-Za-z_][\w]*)(=|[ \t]+)("[^"]*"|'[^']*'|[^\s\\]+)/g)];
      const legacy = pairs.length > 0 && pairs[0][2] !== '=';
      for (const p of legacy ? pairs.slice(0, 1) : pairs) {
        if (!HEALTH_VAR.test(p[1])) continue;
        const at = ins.start + p.index! + p[1].length + p[2].length;
        // A variable is not a probe by itself: no probe record.
        editor.path(at, at + p[3].length, '');
      }
    }
  }
  editor.reportLeftovers('Dockerfile');
  return editor.result();
}
