/**
 * Path matching shared by every part of the transform: what counts as the `from` path in a route
 * string, a URL, a shell command or a regular expression, and how it becomes `to`.
 * Only whole segments match: `/healthz`, `/api/healthz`, `/healthz/`, `/healthz?full=1` and
 * `/healthz/live` do, `/healthzcheck` and `/healthz.json` do not.
 */

export interface PathPair {
  from: string;
  to: string;
}

/** Stands for a `${...}` placeholder of a template literal or a shell variable inside a value. */
export const HOLE = '\u0000';

/** Replaces whole-segment occurrences of `from` in a bare path (no scheme or host). */
export function replaceInPath(path: string, pair: PathPair): { text: string; count: number } {
  const cut = path.search(/[?#]/);
  const head = cut < 0 ? path : path.slice(0, cut);
  const tail = cut < 0 ? '' : path.slice(cut);
  let out = '';
  let count = 0;
  let i = 0;
  for (;;) {
    const k = head.indexOf(pair.from, i);
    if (k < 0) break;
    const next = head[k + pair.from.length];
    if (next === undefined || next === '/') {
      out += head.slice(i, k) + pair.to;
      count++;
    } else out += head.slice(i, k + pair.from.length);
    i = k + pair.from.length;
  }
  return { text: out + head.slice(i) + tail, count };
}

/**
 * Splits a route or URL value into the part before its path (scheme and host, `host:port`, or a
 * leading placeholder) and the path. Null when the value is not a URL or an absolute path (a module
 * specifier `./routes/healthz`, a relative file name, a sentence).
 */
export function splitUrl(value: string): { prefix: string; path: string } | null {
  if (value === '' || /\s/.test(value)) return null;
  if (value.startsWith('/')) return value.startsWith('//') ? null : { prefix: '', path: value };
  const scheme = /^[a-z][a-z0-9+.\-]*:\/\/[^/?#\s]*/i.exec(value);
  if (scheme) return { prefix: scheme[0], path: value.slice(scheme[0].length) };
  // `localhost:3000/healthz`, `127.0.0.1/healthz`, `${base}/healthz`, `$HOST:$PORT/healthz`
  const host = /^(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]*\]|[A-Za-z0-9_.\-]+(?=:)|\u0000|\$\{?[A-Za-z_]\w*\}?)(?::[A-Za-z0-9_${}:\-\u0000]+)?(?=\/)/.exec(value);
  if (host) return { prefix: host[0], path: value.slice(host[0].length) };
  return null;
}

/** Rewrites a route string or URL (`/healthz`, `http://localhost:3000/healthz?x=1`); count 0 when nothing matched. */
export function rewriteUrl(value: string, pair: PathPair): { text: string; count: number } {
  const parts = splitUrl(value);
  if (!parts) return { text: value, count: 0 };
  const r = replaceInPath(parts.path, pair);
  return { text: parts.prefix + r.text, count: r.count };
}

/** NestJS paths have no leading slash: `healthz`, `v1/healthz`, `''`. */
export function rewriteNestPath(value: string, pair: PathPair): { text: string; count: number } {
  if (/\s/.test(value) || value.startsWith('.')) return { text: value, count: 0 };
  const lead = value.startsWith('/');
  const r = replaceInPath(lead ? value : `/${value}`, pair);
  return { text: lead ? r.text : r.text.slice(1), count: r.count };
}

/** Path of a URL or route value without query and fragment, or null when it is not one. */
export function pathOf(value: string): string | null {
  const parts = splitUrl(value);
  if (!parts) return null;
  const p = parts.path.replace(/[?#].*$/, '');
  return p === '' ? '/' : p;
}

/** Whether the value is a route or URL whose path has `from` as whole segments. */
export function mentions(value: string, pair: PathPair): boolean {
  return rewriteUrl(value, pair).count > 0;
}

/**
 * Rewrites the probe URLs of a shell command or script text (a HEALTHCHECK line, a compose
 * `healthcheck.test`, an ECS command): `http://localhost:3000/healthz`, `localhost:3000/healthz`,
 * and bare paths given as a `path:` / `path=` option (`node -e "http.get({ path: '/healthz' })"`).
 * A bare path elsewhere is a file (`/usr/local/bin/healthz`) and stays. Returns the new text, the
 * number of rewrites and the probed paths after the rewrite.
 */
export function rewriteCommand(text: string, pair: PathPair): { text: string; count: number; probes: string[] } {
  let out = '';
  let last = 0;
  let count = 0;
  const probes: string[] = [];
  for (const m of text.matchAll(/(?:\$\{[A-Za-z_][^}\s]*\}|[^\s'"`(),;|&<>=\\{}[\]])+/g)) {
    const token = m[0];
    const at = m.index!;
    const urlStart = token.indexOf('://');
    let candidate: string | null = null;
    let offset = 0;
    if (urlStart > 0) {
      const scheme = /[a-z][a-z0-9+.\-]*$/i.exec(token.slice(0, urlStart));
      if (scheme) {
        offset = urlStart - scheme[0].length;
        candidate = token.slice(offset);
      }
    } else if (token.startsWith('/')) {
      if (/\b(path|url|uri)\s*[:=]?\s*['"]?\s*$/i.test(text.slice(Math.max(0, at - 12), at))) candidate = token;
    } else if (splitUrl(token.replace(/\$\{[^}]*\}/g, HOLE))?.prefix) {
      candidate = token;
    }
    if (candidate === null) continue;
    const masked = candidate.replace(/\$\{[^}]*\}|\$[A-Za-z_]\w*/g, (s) => HOLE.repeat(s.length));
    const parts = splitUrl(masked);
    if (!parts) continue;
    const r = replaceInPath(candidate.slice(parts.prefix.length), pair);
    const path = pathOf(r.text.startsWith('/') ? r.text : `/${r.text}`);
    if (path && !path.includes('$')) probes.push(path);
    if (r.count === 0) continue;
    out += text.slice(last, at + offset) + candidate.slice(0, parts.prefix.length) + r.text;
    last = at + token.length;
    count += r.count;
  }
  return { text: out + text.slice(last), count, probes };
}

/** Whole-segment occurrences of `from` left in a text, for the "left as is" report. */
export function occurrences(text: string, pair: PathPair): number {
  let n = 0;
  for (let i = text.indexOf(pair.from); i >= 0; i = text.indexOf(pair.from, i + 1)) {
    const rest = text.slice(i + pair.from.length, i + pair.from.length + 2);
    if (!/^[A-Za-z0-9_\-~%]/.test(rest) && !/^\.\w/.test(rest)) n++;
  }
  return n;
}

function escapeRegexPath(path: string): string {
  return path.replace(/[.*+?^${}()|[\]]/g, '\\$&').replace(/\//g, '\\/');
}

/**
 * Rewrites a regular expression's source where it spells `from` (`^\/healthz\/?$`). The match must
 * end the segment: followed by `\/`, `\?`, `$`, `(`, `)`, `|`, `[` or the end; `healthz?` or
 * `healthz\w*` mean something else and stay.
 */
export function rewriteRegexSource(source: string, pair: PathPair): { text: string; count: number } {
  const from = escapeRegexPath(pair.from);
  const to = escapeRegexPath(pair.to);
  let out = '';
  let count = 0;
  let i = 0;
  for (;;) {
    const k = source.indexOf(from, i);
    if (k < 0) break;
    const rest = source.slice(k + from.length);
    const ends = rest === '' || /^(\\\/|\\\?|[$()|[#])/.test(rest);
    out += source.slice(i, k) + (ends ? to : from);
    if (ends) count++;
    i = k + from.length;
  }
  return { text: out + source.slice(i), count };
}

/** Path segments without empty ones: `/api/health/` → ['api', 'health']. */
export function segments(path: string): string[] {
  return path.replace(/[?#].*$/, '').split('/').filter(Boolean);
}

/** Checks `from` / `to` together: a `to` that contains `from` would be rewritten again on the next run. */
export function pairProblem(pair: PathPair): string | null {
  if (pair.from === pair.to) return `'from' and 'to' are both '${pair.from}'`;
  if (replaceInPath(pair.to, pair).count > 0) return `'to' (${pair.to}) contains 'from' (${pair.from}) as whole segments, so a second run would rewrite it again`;
  return null;
}

export const PATH_OPTION = /^\/[A-Za-z0-9\-._~]+(?:\/[A-Za-z0-9\-._~]+)*$/;
