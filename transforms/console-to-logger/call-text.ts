import type { JSCodeshift } from 'jscodeshift';
import type { CodeStyle } from '../../src/ast/style';

interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * The text of parts of a console call as the logger call is built from them: the original text,
 * with the console calls nested in it already rewritten and the comments that move above the
 * statement left out (inside a call rebuilt on one line, a `// comment` would swallow the code after
 * it). Nodes the transform built (a callback's parameter) have no text and are printed.
 */
export class CallText {
  private readonly spans: Span[] = [];

  constructor(
    private readonly source: string,
    private readonly j: JSCodeshift,
    private readonly style: CodeStyle,
  ) {}

  /** A rewrite of `node`'s range: the text of any node around it includes it; rewrites inside it are part of `text`. */
  rewritten(node: { start: number; end: number }, text: string): void {
    this.keep({ start: node.start, end: node.end, text });
  }

  /** Leaves a comment out, with the spaces before it, and its line when it stood alone on it. */
  cut(comment: { start: number; end: number }): void {
    let { start, end } = comment;
    while (start > 0 && (this.source[start - 1] === ' ' || this.source[start - 1] === '\t')) start--;
    const ownLine = start === 0 || this.source[start - 1] === '\n';
    const rest = /^[ \t]*\n/.exec(this.source.slice(end));
    if (ownLine && rest) end += rest[0].length;
    this.keep({ start, end, text: '' });
  }

  private keep(span: Span): void {
    for (let i = this.spans.length - 1; i >= 0; i--) {
      const s = this.spans[i];
      if (s.start >= span.start && s.end <= span.end) this.spans.splice(i, 1);
    }
    this.spans.push(span);
    this.spans.sort((a, b) => a.start - b.start);
  }

  of(node: any): string {
    if (typeof node?.start !== 'number' || typeof node?.end !== 'number') return this.j(node).toSource({ quote: this.style.quote });
    let out = '';
    let at = node.start;
    for (const s of this.spans) {
      // A cut may reach past the node by the spaces and line break around its comment.
      const [start, end] = s.text === '' ? [Math.max(s.start, node.start), Math.min(s.end, node.end)] : [s.start, s.end];
      if (start < node.start || end > node.end || start < at || start >= end) continue;
      out += this.source.slice(at, start) + s.text;
      at = end;
    }
    return out + this.source.slice(at, node.end);
  }
}
