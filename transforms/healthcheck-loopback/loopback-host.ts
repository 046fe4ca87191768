/**
 * Rewrites `localhost` where it is the host a probe connects to, and nowhere else: the host of a URL
 * (`http://localhost:3000/health`, `http://user@localhost/`), a scheme-less `localhost:3000/health`
 * argument as curl and wget take it, and a `host: 'localhost'` / `hostname: "localhost"` option of a
 * `node -e` probe. Paths, ports, queries and every other character stay.
 */

/** `localhost` as a whole host name: not `localhost.example.com`, not `mylocalhost`. */
const END = String.raw`(?![\w-]|\.\w)`;

const URL_HOST = new RegExp(String.raw`(?<=\b[a-z][a-z0-9+.-]*://(?:[^\s/@'"]*@)?)localhost${END}`, 'gi');
// A `Host: localhost:3000` header names the virtual host, not where to connect: it stays.
const BARE_HOST_PORT = new RegExp(String.raw`(?<!\bHost:\s*)(?<=(?:^|[\s'"=(\[,]))localhost(?=:\d)`, 'gi');
const HOST_OPTION = /(\bhost(?:name)?\s*:\s*)(\\?['"`])localhost\2/gi;

export interface HostRewrite {
  text: string;
  count: number;
}

/**
 * A bare `localhost` (no port) that curl or wget is given as its URL: a whole list item of a curl/wget
 * probe, or the first argument after the command and its flags in shell form. Other bare mentions
 * (`pg_isready -h localhost`, `mysqladmin -h localhost`, which means the unix socket) stay.
 */
const CLIENT_BARE_HOST = /(\b(?:curl|wget)(?:\s+-[^\s'"]*)*\s+['"]?)localhost(?=[/'"\s]|$)/gi;

export function rewriteProbeHost(text: string, host: string, clientItem = false): HostRewrite {
  let count = 0;
  if (clientItem && /^(['"]?)localhost(\/[^'"]*)?\1$/i.test(text)) {
    return { text: text.replace(/localhost/i, host), count: 1 };
  }
  const bareHost = host.replace(/^\[(.*)\]$/, '$1');
  let out = text.replace(URL_HOST, () => {
    count++;
    return host;
  });
  out = out.replace(BARE_HOST_PORT, () => {
    count++;
    return host;
  });
  out = out.replace(CLIENT_BARE_HOST, (_m, prefix: string) => {
    count++;
    return `${prefix}${host}`;
  });
  out = out.replace(HOST_OPTION, (_m, prefix: string, quote: string) => {
    count++;
    return `${prefix}${quote}${bareHost}${quote}`;
  });
  return { text: out, count };
}

/**
 * Whether `localhost` is still named in a probe after the rewrite (a shell default, a `-h` flag...),
 * other than in a `Host:` header.
 */
export function mentionsLocalhost(text: string): boolean {
  // Only HTTP probes are this transform's business: a database client's `-h localhost` is not.
  if (!/\b(curl|wget|https?|node|fetch)\b/i.test(text)) return false;
  return /(?<!\bHost:\s*)(?<![\w.-])localhost(?![\w-]|\.\w)/i.test(text);
}
