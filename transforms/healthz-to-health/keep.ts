/**
 * An author's "leave this alone" beside a route or probe: `// keep this`, `# keep`, `do not change`,
 * `shipshape-ignore`. Read off the text (the site's own line, or a comment line right above it)
 * rather than from attached AST comments, so code and YAML/Dockerfile probes are judged alike.
 */
const KEEP_WORDS = /^\s*(?:keep(?:\s+(?:this|it|as[- ]is|unchanged))?(?:\s*[.!:;,)]|\s+[-—]\s|\s*$)|(?:do\s+not|don'?t)\s+(?:change|rename|touch)\b)|shipshape-ignore/i;
/**
 * A comment's text on a line: after `//`, `#` or `/*` (a `#` only at the start or after a space, not
 * in a URL fragment). The comment must open with the words: `# keep -f: fail on 5xx` is about curl.
 */
const COMMENT = /(?:\/\/|\/\*+|(?:^|\s)#)(.*)$/;
const COMMENT_ONLY = /^\s*(?:\/\/|\/\*|\*|#)/;

function commentSays(line: string | undefined): boolean {
  if (line === undefined) return false;
  const m = COMMENT.exec(line);
  return !!m && KEEP_WORDS.test(m[1]);
}

/** Whether the 1-based `line` of `source` carries a keep comment, or the comment line above it does. */
export function keptByComment(source: string, line: number): boolean {
  const lines = source.split('\n');
  if (commentSays(lines[line - 1])) return true;
  const above = lines[line - 2];
  return above !== undefined && COMMENT_ONLY.test(above) && commentSays(above);
}
