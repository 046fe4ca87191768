import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEnvTemplate, parseEnvFile } from '../src/deploy/env-file';
import { transformFile } from '../src/engine/transform-file';
import { unifiedDiff } from '../src/report/diff';
import { redact } from '../src/report/redact';
import { findSecret, isSecretKey } from '../transforms/env-secrets/detect';
import { entropyThreshold, shannonEntropy } from '../transforms/env-secrets/entropy';
import { maskedPrefix } from '../transforms/env-secrets/mask';
import { isPlaceholder, serviceName } from '../transforms/env-secrets/placeholders';
import { envSecrets } from '../transforms/env-secrets';

const DEFAULTS = { minLength: envSecrets.options.minLength.default as number, minEntropy: envSecrets.options.minEntropy.default as number };
const OPTIONS = { ...DEFAULTS, ignoreKeys: [] };

// Made-up values in the shapes of real credentials: none of them was ever issued.
const RANDOM_24 = 'GncfBAepfJBd0Kh8oOOL8dKL';
const RANDOM_40 = 'w3QlY7Zkuvqdt7s8Stqcbnr3yBdGBLEPH1qhT61q';

function run(source: string, relPath = 'services/api/.env.example', options: Record<string, unknown> = OPTIONS) {
  return transformFile({ path: `/r/${relPath}`, relPath, root: '/r', source }, [envSecrets], { 'env-secrets': options });
}

describe('env templates', () => {
  it('claims templates by name and never a real env file', () => {
    for (const p of ['env.template', '.env.example', 'services/a/.env.sample', '.env.template', 'deploy/orders.env.example'])
      expect(isEnvTemplate(p), p).toBe(true);
    for (const p of ['.env', '.env.local', 'services/a/.env.production', '.env.test', 'env.example.md', 'src/env.ts'])
      expect(isEnvTemplate(p), p).toBe(false);
  });

  it('parses export, quotes, spaces around = and inline comments, keeping value offsets', () => {
    const source = 'export A=1\nB = "two words" # note\nC=\'x#y\'\nD=plain # comment\nE=a#b\n# F=commented\nG="multi\nline"\nH=last';
    const entries = parseEnvFile(source);
    expect(entries.map((e) => [e.key, e.value, e.quote, e.line])).toEqual([
      ['A', '1', '', 1],
      ['B', 'two words', '"', 2],
      ['C', 'x#y', "'", 3],
      ['D', 'plain', '', 4],
      ['E', 'a#b', '', 5],
      ['G', 'multi\nline', '"', 7],
      ['H', 'last', '', 9],
    ]);
    for (const e of entries) expect(source.slice(e.valueStart, e.valueEnd)).toBe(e.value);
  });
});

describe('entropy', () => {
  it('measures bits per character', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abab')).toBe(1);
    expect(shannonEntropy('abcdefgh')).toBe(3);
  });

  it('defaults to 16 characters (a Gmail app password) and 3.5 bits per character', () => {
    expect(DEFAULTS).toEqual({ minLength: 16, minEntropy: 3.5 });
  });

  it('replaces a long random value of a secret key, on both sides of the length and entropy limits', () => {
    const at15 = RANDOM_40.slice(0, 15);
    const at16 = RANDOM_40.slice(0, 16);
    expect(shannonEntropy(at16)).toBeGreaterThanOrEqual(3.5);
    expect(findSecret('SESSION_SECRET', at15, DEFAULTS)).toBeNull();
    expect(findSecret('SESSION_SECRET', at16, DEFAULTS)?.placeholder).toBe('your-session-secret');
    // 20 characters over 10 symbols, twice each: exactly log2(10) = 3.32 bits, under 3.5.
    const lowEntropy = 'qwertyuiopqwertyuiop';
    expect(shannonEntropy(lowEntropy)).toBeCloseTo(Math.log2(10));
    expect(findSecret('SESSION_SECRET', lowEntropy, DEFAULTS)).toBeNull();
    expect(findSecret('SESSION_SECRET', lowEntropy, { ...DEFAULTS, minEntropy: 3.3 })).not.toBeNull();
  });

  it('gives hex values the lower bar of 3 bits', () => {
    expect(entropyThreshold('a41ecccc3fc1626e53a13043b026c48b', 3.5)).toBe(3);
    expect(entropyThreshold(RANDOM_40, 3.5)).toBe(3.5);
    expect(findSecret('ENCRYPTION_KEY', 'a41ecccc3fc1626e53a13043b026c48b', DEFAULTS)).not.toBeNull();
    expect(findSecret('ENCRYPTION_KEY', '0000111122223333000011112222', DEFAULTS)).toBeNull();
  });
});

describe('detection', () => {
  it('knows which keys hold secrets', () => {
    for (const k of ['JWT_SECRET', 'API_KEY', 'GITHUB_TOKEN', 'DB_PASSWORD', 'DB_PASS', 'PRIVATE_KEY', 'CLIENTSECRET', 'stripeSecretKey'])
      expect(isSecretKey(k), k).toBe(true);
    for (const k of ['KEYCLOAK_URL', 'JWT_PUBLIC_KEY', 'PRIVATE_KEY_PATH', 'AWS_ACCESS_KEY_ID', 'JWT_SECRET_EXPIRES_IN', 'PASSPORT_STRATEGY', 'BUILD_SHA'])
      expect(isSecretKey(k), k).toBe(false);
  });

  it('leaves obvious placeholders', () => {
    for (const v of ['', 'your-api-key', 'YOUR_API_KEY', 'changeme', 'change-me', '<api key>', '${API_KEY}', 'xxxxxxxxxxxxxxxxxxxxxxxx', '********'])
      expect(isPlaceholder(v), v).toBe(true);
    for (const v of ['', 'your-api-key', 'changeme', '<paste the key here>', 'sk_test_xxxxxxxxxxxxxxxx', 'sk_live_your_key_goes_here'])
      expect(findSecret('API_KEY', v, DEFAULTS), v).toBeNull();
  });

  it('replaces a URL password and a remote host, keeping scheme, user, port, path and query', () => {
    const found = findSecret('REDIS_URL', `rediss://default:${RANDOM_24}@eu1-redis.cache.acme-cloud.net:6379/0?tls=true`, DEFAULTS);
    expect(found?.placeholder).toBe('rediss://default:YOUR_REDIS_PASSWORD@YOUR_REDIS_HOST:6379/0?tls=true');
    expect(found?.secret).toBe(RANDOM_24);
    expect(findSecret('DATABASE_URL', `postgres://app:${RANDOM_24}@db:5432/app`, DEFAULTS)?.placeholder).toBe(
      'postgres://app:YOUR_POSTGRES_PASSWORD@db:5432/app',
    );
  });

  it('replaces each remote host of a replica-set URL and keeps compose service names', () => {
    expect(findSecret('MONGO_URL', `mongodb://app:${RANDOM_24}@mongo-0.db.acme.net:27017,mongo-1.db.acme.net:27018/app?replicaSet=rs0`, DEFAULTS)?.placeholder).toBe(
      'mongodb://app:YOUR_MONGO_PASSWORD@YOUR_MONGO_HOST:27017,YOUR_MONGO_HOST:27018/app?replicaSet=rs0',
    );
    expect(findSecret('MONGO_URL', `mongodb://app:${RANDOM_24}@mongo:27017/app`, DEFAULTS)?.placeholder).toBe('mongodb://app:YOUR_MONGO_PASSWORD@mongo:27017/app');
  });

  it('takes a spelt-out value of a secret key for a placeholder, but not a password in a URL', () => {
    expect(findSecret('JWT_KEY', 'My-32-characters-super-secret-key', DEFAULTS)).toBeNull();
    expect(findSecret('DATABASE_URL', 'postgres://app:MySecretPass2024@db.acme-prod.net:5432/app', DEFAULTS)?.secret).toBe('MySecretPass2024');
  });

  it('leaves tutorial passwords on local hosts but not on remote ones', () => {
    expect(findSecret('DATABASE_URL', 'postgres://postgres:postgres@localhost:5432/app', DEFAULTS)).toBeNull();
    expect(findSecret('AMQP_URL', 'amqp://guest:guest@rabbitmq:5672', DEFAULTS)).toBeNull();
    expect(findSecret('DATABASE_URL', 'postgres://postgres:postgres@prod-db.acme.internal:5432/app', DEFAULTS)).not.toBeNull();
  });

  it('names the service from the key, or from the scheme when the key is generic', () => {
    expect(serviceName('REDIS_URL', 'rediss')).toBe('REDIS');
    expect(serviceName('SESSION_REDIS_URL', 'redis')).toBe('SESSION_REDIS');
    expect(serviceName('DATABASE_URL', 'postgresql')).toBe('POSTGRES');
    expect(serviceName('DB_URI', 'mongodb+srv')).toBe('MONGO');
    expect(serviceName('BROKER_URL', 'amqps')).toBe('RABBITMQ');
  });

  it('recognises known key shapes whatever the key is called', () => {
    const shapes = [
      ['PAYMENT_ID', 'rzp_live_u8jzPde0IgxLd6'],
      ['X', 'sk_live_7DxtpYlSXpfKtHF4vUCsMehG'],
      ['X', 'AKIAQ3EGUWJ4FIXTURE7'],
      ['X', 'ghp_63FfkCzJr4i0B3JrTAwR4y9ojfljoQoaF1Ll'],
      ['X', 'xoxp-2419375012-5820011736-WJKY40uvSwMF'],
    ];
    for (const [key, value] of shapes) expect(findSecret(key, value, DEFAULTS)?.placeholder, value).toBe(`your-${key.toLowerCase().replace(/_/g, '-')}`);
  });
});

describe('redaction', () => {
  it('shows at most 4 characters, and at most half of a short secret', () => {
    expect(maskedPrefix(RANDOM_24)).toBe('Gncf…');
    expect(maskedPrefix('pw1234')).toBe('pw1…');
    expect(maskedPrefix('abc')).toBe('a…');
  });

  /** Every run of 5 characters of a secret: none may appear where the user reads. */
  function leaks(text: string, secret: string): string[] {
    const out: string[] = [];
    for (let i = 0; i + 5 <= secret.length; i++) if (text.includes(secret.slice(i, i + 5))) out.push(secret.slice(i, i + 5));
    return out;
  }

  const dir = path.join(__dirname, '..', '__testfixtures__', 'env-secrets');
  for (const input of fs.readdirSync(dir).filter((f) => f.endsWith('.input'))) {
    const spec = fs.existsSync(path.join(dir, input.replace('.input', '.options.json')))
      ? JSON.parse(fs.readFileSync(path.join(dir, input.replace('.input', '.options.json')), 'utf8'))
      : {};
    if (!spec.$path || !isEnvTemplate(spec.$path)) continue;
    it(`fixture ${input}: manual items, diff and report show no secret beyond its first 4 characters`, () => {
      const source = fs.readFileSync(path.join(dir, input), 'utf8');
      const { $path, $manual, ...own } = spec;
      const result = run(source, $path, { ...OPTIONS, ...own });
      const secrets = parseEnvFile(source)
        .filter((e) => !(own.ignoreKeys ?? []).includes(e.key))
        .map((e) => findSecret(e.key, e.value, { ...DEFAULTS, ...own })?.secret)
        .filter((s): s is string => !!s);
      // A secret under a shipshape-ignore-next-line is kept, and so has no manual item (but is still masked).
      const suppressed = source.split('\n').filter((l) => l.includes('shipshape-ignore-next-line')).length;
      expect(secrets.length).toBe(result.manual.length + suppressed);
      const patch = redact(unifiedDiff($path, source, result.output ?? source), result.redactions);
      const messages = result.manual.map((m) => m.message).join('\n');
      for (const secret of secrets) {
        expect(leaks(messages, secret), `manual items for ${maskedPrefix(secret)}`).toEqual([]);
        expect(leaks(patch, secret), `diff for ${maskedPrefix(secret)}`).toEqual([]);
      }
    });
  }

  it('masks a secret the runner sees whole and line by line', () => {
    const source = `PRIVATE_KEY="-----BEGIN PRIVATE KEY-----\n${RANDOM_40}\n${RANDOM_24}\n-----END PRIVATE KEY-----"\n`;
    const result = run(source);
    expect(result.output).toBe('PRIVATE_KEY="your-private-key"\n');
    const patch = redact(unifiedDiff('.env.example', source, result.output!), result.redactions);
    expect(patch).not.toContain(RANDOM_40.slice(0, 5));
    expect(patch).not.toContain(RANDOM_24.slice(0, 5));
  });
});
