/**
 * What counts as a placeholder (left alone) and how new placeholders are named.
 */

const WHOLE_PLACEHOLDER =
  /^(|change[-_. ]?me|change[-_. ]?it|replace[-_. ]?me|todo|tbd|fixme|none|null|undefined|placeholder|secret|password|passwd|pass|token|key|example|test|dummy|sample|xxx+|\*+|\.\.\.|…)$/i;

/**
 * Words that a made-up value spells out (`my-32-characters-super-secret-key`); a generated secret
 * does not. A password of a URL may well be such a word, so they do not count there.
 */
const PLACEHOLDER_WORD = /secret|passw/i;

/** Words and marks that only placeholders contain: `your-`, `<...>`, `${VAR}`, `xxxx`, `changeme`. */
const PLACEHOLDER_MARK = /your|change[-_. ]?me|change[-_. ]?this|replace|example|placeholder|dummy|sample|redacted|xxxx|<[^<>]*>|\$\{|\{\{|^\$[A-Za-z_]\w*$/i;

export function isPlaceholder(value: string, { password = false } = {}): boolean {
  const v = value.trim();
  if (WHOLE_PLACEHOLDER.test(v)) return true;
  if (/^(.)\1*$/.test(v)) return true;
  return PLACEHOLDER_MARK.test(v) || (!password && PLACEHOLDER_WORD.test(v));
}

/** RAZORPAY_KEY_SECRET → your-razorpay-key-secret. */
export function kebabPlaceholder(key: string): string {
  const words = splitKey(key).map((w) => w.toLowerCase());
  return `your-${words.join('-')}`;
}

/** The words of an env key: `STRIPE_SECRET_KEY`, `stripe.secretKey`, `api-key` alike. */
export function splitKey(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

const URL_SUFFIX = /_(URL|URI|DSN|CONNECTION_STRING|CONN_STRING|CONNECTION|CONN|ADDR|ADDRESS|ENDPOINT|HOST|SERVER)$/;
const GENERIC_SERVICE = new Set(['', 'DATABASE', 'DB', 'PRIMARY', 'MAIN', 'APP', 'CONNECTION', 'BROKER', 'CACHE_DB']);
const SCHEME_SERVICE: Record<string, string> = {
  postgres: 'POSTGRES',
  postgresql: 'POSTGRES',
  mysql: 'MYSQL',
  mariadb: 'MYSQL',
  redis: 'REDIS',
  rediss: 'REDIS',
  mongodb: 'MONGO',
  'mongodb+srv': 'MONGO',
  amqp: 'RABBITMQ',
  amqps: 'RABBITMQ',
};

/**
 * The service a connection URL is for, as placeholder names spell it: from the key (REDIS_URL →
 * REDIS, SESSION_REDIS_URL → SESSION_REDIS), or from the scheme when the key is generic
 * (DATABASE_URL=postgres://… → POSTGRES).
 */
export function serviceName(key: string, scheme: string): string {
  const full = splitKey(key).join('_').toUpperCase();
  const stem = full.replace(URL_SUFFIX, '');
  if (stem !== full && !GENERIC_SERVICE.has(stem)) return stem;
  const byScheme = SCHEME_SERVICE[scheme.toLowerCase()];
  if (byScheme) return byScheme;
  return GENERIC_SERVICE.has(stem) ? scheme.toUpperCase().replace(/[^A-Z0-9]+/g, '_') : stem;
}
