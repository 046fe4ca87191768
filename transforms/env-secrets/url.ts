/**
 * Connection URLs with an embedded password (`rediss://default:pw@host:6379/0`), taken apart without
 * normalising anything so the placeholder keeps the original's scheme, user, ports, path and query.
 */
export interface CredentialUrl {
  scheme: string;
  user: string;
  password: string;
  /** `host[:port]` items; more than one for replica-set style URLs (`mongodb://u:p@a:27017,b:27017`). */
  hosts: { name: string; port: string }[];
  /** Path, query and fragment, as written. */
  rest: string;
}

export function parseCredentialUrl(value: string): CredentialUrl | null {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/is.exec(value.trim());
  if (!m) return null;
  const [, scheme, afterScheme] = m;
  // The password may contain `@` or `/` unencoded: the authority ends after the last `@` before a
  // query or fragment starts.
  const queryAt = afterScheme.search(/[?#]/);
  const at = afterScheme.lastIndexOf('@', queryAt === -1 ? afterScheme.length : queryAt);
  if (at === -1) return null;
  const userinfo = afterScheme.slice(0, at);
  const colon = userinfo.indexOf(':');
  if (colon === -1) return null;
  const password = userinfo.slice(colon + 1);
  if (password === '') return null;
  const hostAndRest = afterScheme.slice(at + 1);
  const hostEnd = hostAndRest.search(/[/?#]/);
  const hostPart = hostEnd === -1 ? hostAndRest : hostAndRest.slice(0, hostEnd);
  const hosts = hostPart.split(',').map((h) => {
    const hm = /^(\[[^\]]*\]|[^:]*)(:.*)?$/.exec(h)!;
    return { name: hm[1], port: hm[2] ?? '' };
  });
  return { scheme, user: userinfo.slice(0, colon), password, hosts, rest: hostEnd === -1 ? '' : hostAndRest.slice(hostEnd) };
}

/**
 * Hosts that only exist on the developer's machine or inside the compose network: a template may
 * name them, they reveal nothing. A single-label name (`redis`, `db`) is a compose service.
 */
export function isLocalHost(name: string): boolean {
  const h = name.toLowerCase().replace(/^\[|\]$/g, '');
  return h === '' || h === 'localhost' || h === '::1' || h === '0.0.0.0' || h === 'host.docker.internal' || /^127\./.test(h) || /^[a-z0-9_-]+$/.test(h);
}

export function formatCredentialUrl(url: CredentialUrl): string {
  const hosts = url.hosts.map((h) => `${h.name}${h.port}`).join(',');
  return `${url.scheme}://${url.user}:${url.password}@${hosts}${url.rest}`;
}
