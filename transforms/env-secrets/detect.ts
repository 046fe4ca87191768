import { entropyThreshold, shannonEntropy } from './entropy';
import { isPlaceholder, kebabPlaceholder, serviceName, splitKey } from './placeholders';
import { formatCredentialUrl, isLocalHost, parseCredentialUrl, type CredentialUrl } from './url';

/** A value of an env template that looks like a real secret, and the placeholder to put there. */
export interface Finding {
  /** The secret itself (a URL's password, else the whole value): what the user must rotate. */
  secret: string;
  /** What it looks like, for the manual item: `a Stripe key`, `a password in a redis URL`. */
  kind: string;
  placeholder: string;
}

export interface DetectOptions {
  minLength: number;
  minEntropy: number;
}

/**
 * Key shapes of known providers: a value holding one is a real credential whatever its key is
 * called. The part after the prefix must look generated (not `sk_test_xxxx` or `sk_test_your_key`).
 */
const KNOWN_SHAPES: { name: string; pattern: RegExp; armoured?: boolean }[] = [
  { name: 'a Razorpay key', pattern: /(?<![A-Za-z0-9])rzp_(?:test|live)_([A-Za-z0-9]{10,})/ },
  { name: 'a Stripe key', pattern: /(?<![A-Za-z0-9])(?:sk|rk)_(?:test|live)_([A-Za-z0-9]{10,})/ },
  { name: 'a Stripe webhook secret', pattern: /(?<![A-Za-z0-9])whsec_([A-Za-z0-9]{16,})/ },
  { name: 'an AWS access key id', pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA)([0-9A-Z]{16})(?![A-Za-z0-9])/ },
  { name: 'a GitHub token', pattern: /(?<![A-Za-z0-9])(?:gh[pousr]_|github_pat_)([A-Za-z0-9_]{20,})/ },
  { name: 'a Slack token', pattern: /(?<![A-Za-z0-9])xox[bpas]-([A-Za-z0-9-]{10,})/ },
  { name: 'a private key', pattern: /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----(?:\\n|\r?\n|\s)*([A-Za-z0-9+/=]{16,})/, armoured: true },
];

/** Passwords that ship in every tutorial's compose file: not a leak while the host is local too. */
const DEV_PASSWORDS = new Set(['password', 'pass', 'secret', 'postgres', 'root', 'admin', 'guest', 'test', 'dev', 'example', 'mysecretpassword', 'redis', 'mongo', 'mysql', 'changeme']);

/**
 * Keys whose value is a secret: a word of the key is SECRET, KEY, TOKEN, PASSWORD, PRIVATE... A key
 * that names something about the secret (its id, path, file, URL, algorithm) or a public key is not.
 */
export function isSecretKey(key: string): boolean {
  const words = splitKey(key).map((w) => w.toUpperCase());
  if (words.some((w) => w === 'PUBLIC' || w === 'PUBLISHABLE')) return false;
  const last = words[words.length - 1] ?? '';
  if (/^(ID|NAME|PATH|FILE|DIR|URL|URI|HOST|PORT|REGION|ALGORITHM|ALG|TTL|EXPIRY|EXPIRES|IN|LENGTH|PREFIX|HEADER|FIELD|ISSUER|AUDIENCE)$/.test(last)) return false;
  return words.some((w) => /^(\w*(SECRET|TOKEN|PASSWORD|PASSWD)S?|KEYS?|APIKEY|PASS|PWD|PRIVATE|CREDENTIALS?)$/.test(w));
}

export function findSecret(key: string, value: string, options: DetectOptions): Finding | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  // A URL's password decides alone: `postgres://app:YOUR_PASSWORD@db.example.com` is a placeholder,
  // `postgres://app:s3cr3t…@db.example.com` is not, though both name example.com.
  const url = parseCredentialUrl(trimmed);
  if (url) return credentialInUrl(key, url);
  return knownShape(key, trimmed) ?? (isPlaceholder(trimmed) ? null : randomLooking(key, trimmed, options));
}

function credentialInUrl(key: string, url: CredentialUrl): Finding | null {
  if (isPlaceholder(url.password, { password: true })) return null;
  const local = url.hosts.every((h) => isLocalHost(h.name));
  const devPassword = DEV_PASSWORDS.has(url.password.toLowerCase()) || url.password === url.user;
  if (local && devPassword) return null;
  const service = serviceName(key, url.scheme);
  const placeholder = formatCredentialUrl({
    ...url,
    password: `YOUR_${service}_PASSWORD`,
    hosts: url.hosts.map((h) => (isLocalHost(h.name) ? h : { ...h, name: `YOUR_${service}_HOST` })),
  });
  return { secret: url.password, kind: `the password of a ${url.scheme} URL`, placeholder };
}

function knownShape(key: string, value: string): Finding | null {
  for (const shape of KNOWN_SHAPES) {
    const m = shape.pattern.exec(value);
    if (!m || !looksGenerated(m[1])) continue;
    // A PEM key is told apart by its body, not by its `-----BEGIN` armour.
    const secret = shape.armoured ? value.slice(m.index + m[0].length - m[1].length).replace(/-----END[\s\S]*$/, '').trim() : value;
    return { secret, kind: shape.name, placeholder: kebabPlaceholder(key) };
  }
  return null;
}

function randomLooking(key: string, value: string, options: DetectOptions): Finding | null {
  if (!isSecretKey(key) || value.length < options.minLength) return null;
  // Paths and plain URLs name where a secret is, not the secret.
  if (/^(\.{0,2}\/|~\/|[a-z][a-z0-9+.-]*:\/\/)/i.test(value) || /\s/.test(value)) return null;
  if (shannonEntropy(value) < entropyThreshold(value, options.minEntropy)) return null;
  return { secret: value, kind: 'a random-looking value', placeholder: kebabPlaceholder(key) };
}

/** The generated part of a key: not a run of one character, not words such as `your_key_here`. */
function looksGenerated(tail: string): boolean {
  return !isPlaceholder(tail) && new Set(tail).size >= 6;
}
