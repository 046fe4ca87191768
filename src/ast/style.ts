/**
 * The habits of a file, read off its text, so new code is written the way the author writes:
 * quotes, semicolons, indentation and trailing commas.
 */
export interface CodeStyle {
  quote: 'single' | 'double';
  semicolons: boolean;
  /** One level of indentation: a tab or some spaces. */
  indent: string;
  tabWidth: number;
  useTabs: boolean;
  trailingComma: boolean;
}

const STRING_START = /(?:^|[=(,:\[{\s])(['"])/gm;

export function detectStyle(source: string): CodeStyle {
  // Count quotes only where a string literal can start, on the first 400 lines: cheap and good enough.
  const sample = source.split('\n', 400);
  let single = 0;
  let double = 0;
  let withSemi = 0;
  let withoutSemi = 0;
  const indents = new Map<string, number>();
  let tabLines = 0;
  let trailingComma = 0;
  let noTrailingComma = 0;
  for (let i = 0; i < sample.length; i++) {
    const line = sample[i];
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*')) continue;
    for (const m of line.matchAll(STRING_START)) {
      if (m[1] === "'") single++;
      else double++;
    }
    if (/^(const|let|var|import|export|return|throw)\b/.test(trimmed) || /\)$|\);$/.test(trimmed)) {
      if (trimmed.endsWith(';')) withSemi++;
      else if (!/[{(\[,]$/.test(trimmed) && !/^(export\s+)?(async\s+)?(function|class)\b/.test(trimmed)) withoutSemi++;
    }
    const lead = /^[ \t]+/.exec(line)?.[0];
    if (lead) {
      if (lead.startsWith('\t')) tabLines++;
      else indents.set(String(lead.length), (indents.get(String(lead.length)) ?? 0) + 1);
    }
    if (/^[}\]]/.test(trimmed) && i > 0) {
      const prev = sample[i - 1].trimEnd();
      if (prev.endsWith(',')) trailingComma++;
      else if (prev && !/[{\[(]$/.test(prev) && !prev.endsWith(';') && !prev.endsWith('}')) noTrailingComma++;
    }
  }
  const spaceLines = [...indents.values()].reduce((a, b) => a + b, 0);
  const useTabs = tabLines > spaceLines;
  // A tab counts as 4 columns, as editors show it by default.
  let tabWidth = useTabs ? 4 : 2;
  if (!useTabs) {
    // The smallest indentation used often is one level.
    const sizes = [...indents.entries()].filter(([, n]) => n >= 2).map(([s]) => Number(s)).sort((a, b) => a - b);
    if (sizes.length > 0 && sizes[0] >= 2 && sizes[0] <= 8) tabWidth = sizes[0];
  }
  return {
    quote: double > single ? 'double' : 'single',
    semicolons: withSemi >= withoutSemi,
    indent: useTabs ? '\t' : ' '.repeat(tabWidth),
    tabWidth,
    useTabs,
    trailingComma: trailingComma > noTrailingComma,
  };
}

/** A string literal's source text in the file's quote style. */
export function quoteString(value: string, style: Pick<CodeStyle, 'quote'>): string {
  const q = style.quote === 'double' ? '"' : "'";
  const escaped = value.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`).replace(/\n/g, '\\n');
  return q + escaped + q;
}

/**
 * New code, written with semicolons, as the file writes statements: in a file without them each
 * line's `;` goes, except where the next line of code would then continue the statement (ASI
 * hazards: a line starting with `(`, `[`, `` ` ``, `+`, `-`, `/`) and in a `for (;;)` head.
 */
export function inSemicolonStyle(code: string, style: Pick<CodeStyle, 'semicolons'>): string {
  if (style.semicolons) return code;
  const lines = code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/;\s*$/.test(lines[i]) || /^\s*for\s*\(/.test(lines[i])) continue;
    let k = i + 1;
    // Comments are not code: the hazard is the next line of code.
    while (k < lines.length && (lines[k].trim() === '' || /^\s*(\/\/|\/\*|\*)/.test(lines[k]))) k++;
    const next = k < lines.length ? lines[k].trim() : '';
    if (/^[(\[`+\-/]/.test(next)) continue;
    lines[i] = lines[i].replace(/;(\s*)$/, '$1');
  }
  return lines.join('\n');
}
