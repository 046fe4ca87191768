import { Exports, imp, impType, rel, t, type Dialect } from './dialect';
import type { Random } from './random';

export interface Field {
  name: string;
  ts: 'string' | 'number' | 'boolean' | 'Date';
}

export interface Resource {
  /** order */
  one: string;
  /** orders */
  many: string;
  /** Order */
  Type: string;
  fields: Field[];
  /** State transitions: [verb, state after, state before]. */
  actions: [string, string, string][];
}

/** What a template needs to write one file. */
export interface FileContext {
  d: Dialect;
  r: Random;
  /** Whether this file logs through console (the code console-to-logger migrates). */
  logs: boolean;
  service: string;
  port: number;
}

const FIELD_NAMES: Field[] = [
  { name: 'name', ts: 'string' },
  { name: 'email', ts: 'string' },
  { name: 'status', ts: 'string' },
  { name: 'amount', ts: 'number' },
  { name: 'currency', ts: 'string' },
  { name: 'quantity', ts: 'number' },
  { name: 'active', ts: 'boolean' },
  { name: 'createdAt', ts: 'Date' },
  { name: 'updatedAt', ts: 'Date' },
  { name: 'ownerId', ts: 'string' },
  { name: 'region', ts: 'string' },
  { name: 'priority', ts: 'number' },
  { name: 'archived', ts: 'boolean' },
  { name: 'description', ts: 'string' },
  { name: 'reference', ts: 'string' },
  { name: 'dueAt', ts: 'Date' },
];

const NOUNS: [string, string][] = [
  ['order', 'orders'], ['invoice', 'invoices'], ['payment', 'payments'], ['customer', 'customers'], ['account', 'accounts'],
  ['product', 'products'], ['shipment', 'shipments'], ['refund', 'refunds'], ['subscription', 'subscriptions'], ['plan', 'plans'],
  ['coupon', 'coupons'], ['cart', 'carts'], ['review', 'reviews'], ['ticket', 'tickets'], ['agent', 'agents'],
  ['session', 'sessions'], ['device', 'devices'], ['report', 'reports'], ['webhook', 'webhooks'], ['notification', 'notifications'],
  ['address', 'addresses'], ['warehouse', 'warehouses'], ['supplier', 'suppliers'], ['contract', 'contracts'], ['quote', 'quotes'],
  ['ledger', 'ledgers'], ['transfer', 'transfers'], ['merchant', 'merchants'], ['booking', 'bookings'], ['room', 'rooms'],
  ['vehicle', 'vehicles'], ['route', 'routes'], ['driver', 'drivers'], ['document', 'documents'], ['tenant', 'tenants'],
  ['member', 'members'], ['team', 'teams'], ['project', 'projects'], ['task', 'tasks'], ['comment', 'comments'],
];

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

const ACTIONS: [string, string, string][] = [
  ['approve', 'approved', 'pending'], ['cancel', 'cancelled', 'active'], ['archive', 'archived', 'closed'], ['restore', 'active', 'archived'],
  ['submit', 'submitted', 'draft'], ['close', 'closed', 'active'], ['reopen', 'active', 'closed'], ['verify', 'verified', 'pending'],
  ['publish', 'published', 'draft'], ['suspend', 'suspended', 'active'], ['escalate', 'escalated', 'open'], ['settle', 'settled', 'pending'],
];

const WHY = [
  'Callers rely on this staying idempotent, so retries from the gateway are safe.',
  'Kept deliberately small: the heavy lifting happens in the repository layer.',
  'The result is cached briefly; writes invalidate the entry for the same id.',
  'Errors bubble up to the error middleware, which maps them to HTTP statuses.',
  'This runs on the hot path of the public API; keep allocations down.',
  'Pagination is offset based for now; see the ADR on cursor pagination.',
  'Used by the nightly reconciliation job as well as the HTTP handlers.',
  'The shape of the response is part of the public contract: do not rename fields.',
  'Timestamps are stored in UTC and converted at the edge only.',
  'Permissions are checked by the auth middleware before this point.',
];

/** A JSDoc block: a summary line and a sentence or two on why, as real services have. */
function doc(r: Random, indent: string, summary: string, params: string[] = []): string {
  const lines = [`${indent}/**`, `${indent} * ${summary}`];
  if (r.chance(0.7)) lines.push(`${indent} *`, `${indent} * ${r.pick(WHY)}`);
  if (r.chance(0.3)) lines.push(`${indent} * ${r.pick(WHY)}`);
  for (const p of params) lines.push(`${indent} * @param ${p}`);
  lines.push(`${indent} */`);
  return lines.join('\n') + '\n';
}

/** The header comment a file of the team's codebase starts with. */
function header(c: FileContext, what: string): string {
  return `/**\n * ${what}\n *\n * Owned by the ${c.service} team. ${c.r.pick(WHY)}\n * @module ${c.service}\n */\n\n`;
}

export function resources(r: Random, n: number): Resource[] {
  return r
    .sample(NOUNS, n)
    .map(([one, many]) => ({ one, many, Type: cap(one), fields: r.sample(FIELD_NAMES, r.int(4, 9)), actions: r.sample(ACTIONS, r.int(2, 4)) }));
}

/** A console call when the file logs through console, else nothing: most code never logs. */
function say(c: FileContext, indent: string, level: 'log' | 'info' | 'warn' | 'error' | 'debug', message: string, extra?: string): string {
  if (!c.logs) return '';
  const form = c.r.int(0, 3);
  let call: string;
  if (extra && form === 0) call = `console.${level}(\`${message}: \${${extra}}\`)`;
  else if (extra && form === 1) call = `console.${level}({ msg: '${message}', ${/^\w+$/.test(extra) ? extra : `${/(\w+)$/.exec(extra)?.[1] ?? 'detail'}: ${extra}`} })`;
  else if (extra) call = `console.${level}('${message}', ${extra})`;
  else call = `console.${level}('${message}')`;
  return `${indent}${call};\n`;
}

function sample(f: Field, r: Random): string {
  switch (f.ts) {
    case 'string':
      return f.name === 'email' ? `'user${r.int(1, 999)}@example.com'` : `'${f.name}-${r.int(1, 9999)}'`;
    case 'number':
      return String(r.int(1, 5000));
    case 'boolean':
      return r.chance(0.5) ? 'true' : 'false';
    case 'Date':
      return `new Date('2024-0${r.int(1, 9)}-1${r.int(0, 9)}T10:00:00Z')`;
  }
}

export function appFile(c: FileContext, res: Resource[], middleware: string[]): string {
  const { d } = c;
  const ex = new Exports(d);
  const lines: string[] = [];
  lines.push(imp(d, 'express', [], 'express'));
  if (d.ts) lines.push(impType(d, 'express', ['Request', 'Response', 'NextFunction']));
  for (const m of middleware) lines.push(imp(d, rel(d, `./middleware/${m}`), [camel(m)]));
  for (const x of res) lines.push(imp(d, rel(d, `./routes/${x.many}`), [`${x.many}Router`]));
  lines.push(imp(d, rel(d, './config'), ['config']));
  lines.push('');
  lines.push(`${ex.kw('createApp')}function createApp()${t(d, ': express.Express')} {`);
  lines.push('  const app = express();');
  lines.push(`  app.disable('x-powered-by');`);
  lines.push(`  app.use(express.json({ limit: config.bodyLimit }));`);
  for (const m of middleware) lines.push(`  app.use(${camel(m)}${m === 'rate-limit' ? '({ windowMs: 60_000, max: config.rateLimit })' : ''});`);
  lines.push('');
  lines.push(`  app.get('/healthz', (_req${t(d, ': Request')}, res${t(d, ': Response')}) => {`);
  lines.push(`    res.json({ status: 'ok', service: '${c.service}', uptime: process.uptime() });`);
  lines.push('  });');
  for (const x of res) lines.push(`  app.use('/api/v${c.r.int(1, 2)}/${x.many}', ${x.many}Router);`);
  lines.push('');
  lines.push(`  app.use((err${t(d, ': any')}, req${t(d, ': Request')}, res${t(d, ': Response')}, _next${t(d, ': NextFunction')}) => {`);
  lines.push('    const status = err.status ?? 500;');
  const l = say(c, '    ', 'error', `unhandled error on ${c.service}`, 'err');
  if (l) lines.push(l.trimEnd());
  lines.push(`    res.status(status).json({ error: status === 500 ? 'internal error' : err.message });`);
  lines.push('  });');
  lines.push('  return app;');
  lines.push('}');
  lines.push('');
  lines.push('const app = createApp();');
  lines.push(`const port = Number(process.env.PORT ?? ${c.port});`);
  lines.push('const server = app.listen(port, () => {');
  lines.push(say(c, '  ', 'log', `${c.service} listening`, 'port').trimEnd() || `  process.title = '${c.service}';`);
  lines.push('});');
  lines.push('server.keepAliveTimeout = 65_000;');
  ex.setDefault('app');
  return header(c, `The ${c.service} HTTP app: middleware, routes and error handling.`) + lines.join('\n') + '\n' + ex.footer();
}

export function configFile(c: FileContext, res: Resource[]): string {
  const { d, r } = c;
  const ex = new Exports(d);
  const extra = res.map((x) => `  ${x.many}PageSize: Number(process.env.${x.many.toUpperCase()}_PAGE_SIZE ?? ${r.pick([20, 25, 50, 100])}),`);
  const body = [
    d.ts ? `${ex.kw('AppConfig')}interface AppConfig {\n  env: string;\n  databaseUrl: string;\n  bodyLimit: string;\n  rateLimit: number;\n  requestTimeoutMs: number;\n  [key: string]: unknown;\n}\n` : '',
    `function required(name${t(d, ': string')})${t(d, ': string')} {`,
    '  const value = process.env[name];',
    '  if (!value) {',
    `    throw new Error(\`missing environment variable \${name}\`);`,
    '  }',
    '  return value;',
    '}',
    '',
    `${ex.kw('config')}const config${t(d, ': AppConfig')} = {`,
    `  env: process.env.NODE_ENV ?? 'development',`,
    `  databaseUrl: process.env.DATABASE_URL ?? 'postgres://localhost:5432/${c.service.replace(/-/g, '_')}',`,
    `  bodyLimit: process.env.BODY_LIMIT ?? '${r.pick(['100kb', '1mb', '5mb'])}',`,
    `  rateLimit: Number(process.env.RATE_LIMIT ?? ${r.pick([60, 120, 600])}),`,
    `  requestTimeoutMs: Number(process.env.REQUEST_TIMEOUT_MS ?? ${r.pick([5000, 10000, 30000])}),`,
    `  apiKey: process.env.NODE_ENV === 'test' ? 'test-key' : required('API_KEY'),`,
    ...extra,
    '};',
  ];
  return header(c, `Configuration of ${c.service}, from the environment only.`) + body.join('\n') + '\n' + ex.footer();
}

export function routerFile(c: FileContext, x: Resource): string {
  const { d, r } = c;
  const ex = new Exports(d);
  const R = t(d, ': Request');
  const S = t(d, ': Response');
  const N = t(d, ': NextFunction');
  const head = [
    imp(d, 'express', ['Router']),
    impType(d, 'express', ['Request', 'Response', 'NextFunction']),
    imp(d, rel(d, `../services/${x.one}-service`), [`${x.Type}Service`]),
    imp(d, rel(d, `../validators/${x.one}`), [`validate${x.Type}`]),
    '',
    `${ex.kw(`${x.many}Router`)}const ${x.many}Router = Router();`,
    `const service = new ${x.Type}Service();`,
    '',
  ].filter((l, i) => l !== '' || i > 3);
  const handlers: string[] = [];
  const h = (summary: string) => doc(r, '', summary);
  handlers.push(`${h(`GET /${x.many}: one page of ${x.many}, newest first.`)}${x.many}Router.get('/', async (req${R}, res${S}, next${N}) => {
  try {
    const page = Math.max(1, Number(req.query.page ?? 1));
    const limit = Math.min(Number(req.query.limit ?? 20), 100);
    const { items, total } = await service.list({ page, limit });
    res.set('X-Total-Count', String(total));
    res.json({ items, page, limit });
  } catch (err) {
${say(c, '    ', 'error', `failed to list ${x.many}`, 'err')}    next(err);
  }
});
`);
  handlers.push(`${h(`GET /${x.many}/:id: a single ${x.one}, 404 when unknown.`)}${x.many}Router.get('/:id', async (req${R}, res${S}, next${N}) => {
  try {
    const ${x.one} = await service.get(req.params.id);
    if (!${x.one}) {
${say(c, '      ', 'warn', `${x.one} not found`, 'req.params.id')}      res.status(404).json({ error: '${x.one} not found' });
      return;
    }
    res.json(${x.one});
  } catch (err) {
${say(c, '    ', 'error', `failed to load ${x.one}`, 'err')}    next(err);
  }
});
`);
  handlers.push(`${h(`POST /${x.many}: validates and stores a new ${x.one}.`)}${x.many}Router.post('/', async (req${R}, res${S}, next${N}) => {
  const problems = validate${x.Type}(req.body);
  if (problems.length > 0) {
    res.status(422).json({ error: 'invalid ${x.one}', problems });
    return;
  }
  try {
    const created = await service.create(req.body);
${say(c, '    ', 'info', `${x.one} created`, 'created.id')}    res.status(201).location(\`/${x.many}/\${created.id}\`).json(created);
  } catch (err) {
${say(c, '    ', 'error', `failed to create ${x.one}`, 'err')}    next(err);
  }
});
`);
  if (r.chance(0.8))
    handlers.push(`${h(`PATCH /${x.many}/:id: partial update of a ${x.one}.`)}${x.many}Router.patch('/:id', async (req${R}, res${S}, next${N}) => {
  try {
    const updated = await service.update(req.params.id, req.body);
    if (!updated) {
      res.sendStatus(404);
      return;
    }
    res.json(updated);
  } catch (err) {
${say(c, '    ', 'error', `failed to update ${x.one}`, 'err')}    next(err);
  }
});
`);
  if (r.chance(0.7))
    handlers.push(`${h(`DELETE /${x.many}/:id: removes a ${x.one}.`)}${x.many}Router.delete('/:id', async (req${R}, res${S}, next${N}) => {
  try {
    const removed = await service.remove(req.params.id);
${say(c, '    ', 'log', `${x.one} removed`, 'req.params.id')}    res.sendStatus(removed ? 204 : 404);
  } catch (err) {
    next(err);
  }
});
`);
  for (const f of r.sample(x.fields.filter((f) => f.ts === 'string'), r.int(0, 2)))
    handlers.push(`${h(`GET /${x.many}/by-${kebab(f.name)}/:value: ${x.many} with that ${f.name}.`)}${x.many}Router.get('/by-${kebab(f.name)}/:value', async (req${R}, res${S}, next${N}) => {
  try {
    const items = await service.findBy${cap(f.name)}(req.params.value);
    res.json({ items, count: items.length });
  } catch (err) {
    next(err);
  }
});
`);
  for (const [verb, after] of x.actions)
    handlers.push(`${h(`POST /${x.many}/:id/${verb}: moves a ${x.one} to ${after}.`)}${x.many}Router.post('/:id/${verb}', async (req${R}, res${S}, next${N}) => {
  try {
    const result = await service.${verb}(req.params.id, { by: res.locals.token ?? 'system', reason: req.body?.reason });
    if (result.ok) {
${say(c, '      ', 'info', `${x.one} ${after}`, 'req.params.id')}      res.json(result.${x.one});
    } else {
      res.status(result.status).json({ error: result.error });
    }
  } catch (err) {
${say(c, '    ', 'error', `failed to ${verb} ${x.one}`, 'err')}    next(err);
  }
});
`);
  return header(c, `HTTP routes of ${x.many}: thin handlers over ${x.Type}Service.`) + head.join('\n') + '\n' + handlers.join('\n') + ex.footer();
}

export function serviceFile(c: FileContext, x: Resource): string {
  const { d, r } = c;
  const ex = new Exports(d);
  const T = x.Type;
  const lines = [
    imp(d, rel(d, `../repositories/${x.one}-repository`), [`${T}Repository`]),
    d.ts ? impType(d, rel(d, `../models/${x.one}`), [T, `New${T}`]) : '',
    imp(d, rel(d, '../utils/retry'), ['withRetry']),
    '',
    d.ts ? `${ex.kw('ListOptions')}interface ListOptions {\n  page: number;\n  limit: number;\n}\n` : '',
    `${ex.kw(`${T}Service`)}class ${T}Service {`,
    d.ts ? `  private readonly cache = new Map<string, { value: ${T}; expires: number }>();\n` : '  cache = new Map();\n',
    `  constructor(${d.ts ? 'private readonly ' : ''}repo${t(d, `: ${T}Repository`)} = new ${T}Repository(), ${d.ts ? 'private readonly ' : ''}ttlMs = ${r.pick([1000, 5000, 30000])}) {`,
    d.ts ? '' : '    this.repo = repo;\n    this.ttlMs = ttlMs;',
    '  }',
    '',
    doc(r, '  ', `One page of ${x.many} and the total count.`, ['page 1-based page number', 'limit page size']).trimEnd(),
    `  async list({ page, limit }${t(d, ': ListOptions')})${t(d, `: Promise<{ items: ${T}[]; total: number }>`)} {`,
    '    const offset = (page - 1) * limit;',
    `    const [items, total] = await Promise.all([this.repo.findPage(offset, limit), this.repo.count()]);`,
    '    return { items, total };',
    '  }',
    '',
    doc(r, '  ', `The ${x.one} with this id, or null.`, ['id primary key']).trimEnd(),
    `  async get(id${t(d, ': string')})${t(d, `: Promise<${T} | null>`)} {`,
    '    const hit = this.cache.get(id);',
    '    if (hit && hit.expires > Date.now()) return hit.value;',
    `    const ${x.one} = await withRetry(() => this.repo.findById(id), { attempts: ${r.int(2, 5)} });`,
    `    if (${x.one}) this.cache.set(id, { value: ${x.one}, expires: Date.now() + this.ttlMs });`,
    `    return ${x.one};`,
    '  }',
    '',
    doc(r, '  ', `Stores a new ${x.one}; the database assigns the id.`).trimEnd(),
    `  async create(input${t(d, `: New${T}`)})${t(d, `: Promise<${T}>`)} {`,
    `    const ${x.one} = await this.repo.insert({ ...input, createdAt: new Date() });`,
    say(c, '    ', 'debug', `inserted ${x.one}`, `${x.one}.id`).trimEnd(),
    `    return ${x.one};`,
    '  }',
    '',
    doc(r, '  ', `Applies a partial update; null when the ${x.one} does not exist.`).trimEnd(),
    `  async update(id${t(d, ': string')}, patch${t(d, `: Partial<New${T}>`)})${t(d, `: Promise<${T} | null>`)} {`,
    '    this.cache.delete(id);',
    `    return this.repo.update(id, { ...patch, updatedAt: new Date() });`,
    '  }',
    '',
    doc(r, '  ', `Deletes a ${x.one}; true when something was deleted.`).trimEnd(),
    `  async remove(id${t(d, ': string')})${t(d, ': Promise<boolean>')} {`,
    '    this.cache.delete(id);',
    '    const count = await this.repo.delete(id);',
    say(c, '    ', 'info', `deleted ${x.one}`, 'id').trimEnd(),
    '    return count > 0;',
    '  }',
  ];
  for (const f of x.fields.filter((f) => f.ts === 'string')) {
    lines.push('', doc(r, '  ', `Every ${x.one} whose ${f.name} equals the value.`).trimEnd(), `  async findBy${cap(f.name)}(value${t(d, ': string')})${t(d, `: Promise<${T}[]>`)} {`);
    lines.push(`    const rows = await this.repo.findWhere('${snake(f.name)}', value);`);
    if (r.chance(0.5)) lines.push(`    return rows.filter((row) => !row.archived);`);
    else lines.push('    return rows;');
    lines.push('  }');
  }
  if (r.chance(0.6)) {
    lines.push('', `  async summarize()${t(d, ': Promise<Record<string, number>>')} {`);
    lines.push(`    const rows = await this.repo.findPage(0, 1000);`);
    lines.push(`    const out${t(d, ': Record<string, number>')} = {};`);
    lines.push(`    for (const row of rows) {`);
    lines.push(`      const key = String(row.${x.fields[0].name});`);
    lines.push('      out[key] = (out[key] ?? 0) + 1;');
    lines.push('    }');
    lines.push(say(c, '    ', 'log', `summarized ${x.many}`, 'rows.length').trimEnd());
    lines.push('    return out;');
    lines.push('  }');
  }
  for (const [verb, after, before] of x.actions) {
    lines.push('', doc(r, '  ', `Moves a ${x.one} from ${before} to ${after}; any other state is a conflict.`).trimEnd());
    lines.push(`  async ${verb}(id${t(d, ': string')}, { by, reason }${t(d, ': { by: string; reason?: string }')})${t(d, `: Promise<{ ok: true; ${x.one}: ${T} } | { ok: false; status: number; error: string }>`)} {`);
    lines.push(`    const current = await this.get(id);`);
    lines.push(`    if (!current) return { ok: false, status: 404, error: '${x.one} not found' };`);
    lines.push(`    const state = (current${d.ts ? ' as any' : ''}).status ?? '${before}';`);
    lines.push(`    if (state !== '${before}') {`);
    lines.push(say(c, '      ', 'warn', `cannot ${verb} ${x.one}`, 'state').trimEnd());
    lines.push(`      return { ok: false, status: 409, error: \`cannot ${verb} a ${x.one} that is \${state}\` };`);
    lines.push('    }');
    lines.push(`    const updated = await this.repo.update(id, { status: '${after}', updatedAt: new Date() }${d.ts ? ' as any' : ''});`);
    lines.push('    this.cache.delete(id);');
    lines.push(`    await this.repo.insertAudit?.({ entity: '${x.one}', id, action: '${verb}', by, reason, at: new Date() });`);
    lines.push(`    return { ok: true, ${x.one}: updated ?? current };`);
    lines.push('  }');
  }
  lines.push('}');
  return header(c, `Business rules for ${x.many}: caching, retries and state transitions.`) + lines.filter((l, i, all) => l !== '' || all[i - 1] !== '').join('\n') + '\n' + ex.footer();
}

export function repositoryFile(c: FileContext, x: Resource): string {
  const { d, r } = c;
  const ex = new Exports(d);
  const T = x.Type;
  const table = x.many;
  const cols = ['id', ...x.fields.map((f) => snake(f.name))];
  const lines = [
    imp(d, 'pg', [], 'pg'),
    d.ts ? impType(d, rel(d, `../models/${x.one}`), [T]) : '',
    imp(d, rel(d, '../config'), ['config']),
    '',
    `const pool = new pg.Pool({ connectionString: config.databaseUrl, max: ${r.int(5, 20)} });`,
    `const COLUMNS = '${cols.join(', ')}';`,
    '',
    `function toRow(record${t(d, `: Partial<${T}>`)})${t(d, ': Record<string, unknown>')} {`,
    '  return {',
    ...x.fields.map((f) => `    ${snake(f.name)}: record.${f.name},`),
    '  };',
    '}',
    '',
    `function fromRow(row${t(d, ': any')})${t(d, `: ${T}`)} {`,
    '  return {',
    '    id: row.id,',
    ...x.fields.map((f) => `    ${f.name}: ${f.ts === 'Date' ? `new Date(row.${snake(f.name)})` : `row.${snake(f.name)}`},`),
    '  };',
    '}',
    '',
    `${ex.kw(`${T}Repository`)}class ${T}Repository {`,
    `  async findById(id${t(d, ': string')})${t(d, `: Promise<${T} | null>`)} {`,
    `    const { rows } = await pool.query(\`SELECT \${COLUMNS} FROM ${table} WHERE id = $1\`, [id]);`,
    '    return rows[0] ? fromRow(rows[0]) : null;',
    '  }',
    '',
    `  async findPage(offset${t(d, ': number')}, limit${t(d, ': number')})${t(d, `: Promise<${T}[]>`)} {`,
    `    const { rows } = await pool.query(\`SELECT \${COLUMNS} FROM ${table} ORDER BY id LIMIT $1 OFFSET $2\`, [limit, offset]);`,
    '    return rows.map(fromRow);',
    '  }',
    '',
    `  async findWhere(column${t(d, ': string')}, value${t(d, ': unknown')})${t(d, `: Promise<${T}[]>`)} {`,
    `    const { rows } = await pool.query(\`SELECT \${COLUMNS} FROM ${table} WHERE \${column} = $1\`, [value]);`,
    '    return rows.map(fromRow);',
    '  }',
    '',
    `  async count()${t(d, ': Promise<number>')} {`,
    `    const { rows } = await pool.query('SELECT count(*)::int AS n FROM ${table}');`,
    '    return rows[0].n;',
    '  }',
    '',
    `  async insert(record${t(d, `: Partial<${T}>`)})${t(d, `: Promise<${T}>`)} {`,
    '    const row = toRow(record);',
    '    const keys = Object.keys(row);',
    `    const params = keys.map((_, i) => \`$\${i + 1}\`).join(', ');`,
    `    const { rows } = await pool.query(\`INSERT INTO ${table} (\${keys.join(', ')}) VALUES (\${params}) RETURNING \${COLUMNS}\`, Object.values(row));`,
    say(c, '    ', 'debug', `insert into ${table}`, 'rows[0].id').trimEnd(),
    '    return fromRow(rows[0]);',
    '  }',
    '',
    `  async update(id${t(d, ': string')}, patch${t(d, `: Partial<${T}>`)})${t(d, `: Promise<${T} | null>`)} {`,
    '    const row = toRow(patch);',
    '    const keys = Object.keys(row).filter((k) => row[k] !== undefined);',
    '    if (keys.length === 0) return this.findById(id);',
    `    const sets = keys.map((k, i) => \`\${k} = $\${i + 2}\`).join(', ');`,
    `    const { rows } = await pool.query(\`UPDATE ${table} SET \${sets} WHERE id = $1 RETURNING \${COLUMNS}\`, [id, ...keys.map((k) => row[k])]);`,
    '    return rows[0] ? fromRow(rows[0]) : null;',
    '  }',
    '',
    `  async delete(id${t(d, ': string')})${t(d, ': Promise<number>')} {`,
    `    const result = await pool.query('DELETE FROM ${table} WHERE id = $1', [id]);`,
    '    return result.rowCount ?? 0;',
    '  }',
    '}',
  ];
  const documented = lines.flatMap((l) => {
    const m = /^  async (\w+)\(/.exec(l);
    return m ? [doc(r, '  ', `${m[1]}: SQL against the ${table} table.`).trimEnd(), l] : [l];
  });
  return header(c, `Postgres access for ${x.many}. Every query is parameterised.`) + documented.filter((l, i, all) => l !== '' || all[i - 1] !== '').join('\n') + '\n' + ex.footer();
}

export function modelFile(c: FileContext, x: Resource): string {
  const { d } = c;
  const ex = new Exports(d);
  const T = x.Type;
  if (d.ts) {
    const statuses = ['draft', 'pending', 'active', 'closed'].slice(0, c.r.int(2, 4));
    return [
      `${ex.kw(`${T}Status`)}type ${T}Status = ${statuses.map((s) => `'${s}'`).join(' | ')};`,
      '',
      `${ex.kw(T)}interface ${T} {`,
      '  id: string;',
      ...x.fields.map((f) => `  ${f.name}${f.name.endsWith('At') && f.name !== 'createdAt' ? '?' : ''}: ${f.ts};`),
      '}',
      '',
      `${ex.kw(`New${T}`)}type New${T} = Omit<${T}, 'id' | 'createdAt'>;`,
      '',
      `${ex.kw(`${x.one}Defaults`)}const ${x.one}Defaults: Partial<New${T}> = {`,
      ...x.fields.filter((f) => f.ts === 'boolean').map((f) => `  ${f.name}: false,`),
      '};',
      '',
      `${ex.kw(`is${T}`)}function is${T}(value: unknown): value is ${T} {`,
      `  return typeof value === 'object' && value !== null && typeof (value as ${T}).id === 'string';`,
      '}',
      '',
      transitions(c, x, ex),
      doc(c.r, '', `The fields of a ${x.one} that leave the service.`).trimEnd(),
      `${ex.kw(`toPublic${T}`)}function toPublic${T}(${x.one}: ${T}): Record<string, unknown> {`,
      '  return {',
      `    id: ${x.one}.id,`,
      ...x.fields.filter((f) => f.name !== 'ownerId').map((f) => `    ${f.name}: ${f.ts === 'Date' ? `${x.one}.${f.name}?.toISOString()` : `${x.one}.${f.name}`},`),
      '  };',
      '}',
      '',
    ].join('\n') + ex.footer();
  }
  return [
    '/**',
    ` * @typedef {object} ${T}`,
    ' * @property {string} id',
    ...x.fields.map((f) => ` * @property {${f.ts}} ${f.name}`),
    ' */',
    '',
    `${ex.kw(`${x.one}Defaults`)}const ${x.one}Defaults = Object.freeze({`,
    ...x.fields.filter((f) => f.ts === 'boolean').map((f) => `  ${f.name}: false,`),
    '});',
    '',
    `/** @returns {value is ${T}} */`,
    `${ex.kw(`is${T}`)}function is${T}(value) {`,
    `  return typeof value === 'object' && value !== null && typeof value.id === 'string';`,
    '}',
    '',
    transitions(c, x, ex),
    doc(c.r, '', `The fields of a ${x.one} that leave the service.`, [`{${T}} ${x.one}`]).trimEnd(),
    `${ex.kw(`toPublic${T}`)}function toPublic${T}(${x.one}) {`,
    '  return {',
    `    id: ${x.one}.id,`,
    ...x.fields.filter((f) => f.name !== 'ownerId').map((f) => `    ${f.name}: ${f.ts === 'Date' ? `${x.one}.${f.name}?.toISOString()` : `${x.one}.${f.name}`},`),
    '  };',
    '}',
    '',
  ].join('\n') + ex.footer();
}

function transitions(c: FileContext, x: Resource, ex: Exports): string {
  const name = `${x.one.toUpperCase()}_TRANSITIONS`;
  const rows = x.actions.map(([verb, after, before]) => `  ${verb}: { from: '${before}', to: '${after}' },`);
  return [
    doc(c.r, '', `Allowed state transitions of a ${x.one}, by action.`).trimEnd(),
    `${ex.kw(name)}const ${name} = {`,
    ...rows,
    `}${c.d.ts ? ' as const' : ''};`,
    '',
  ].join('\n');
}

export function validatorFile(c: FileContext, x: Resource): string {
  const { d } = c;
  const ex = new Exports(d);
  const lines = [
    `${ex.kw(`validate${x.Type}`)}function validate${x.Type}(body${t(d, ': any')})${t(d, ': string[]')} {`,
    `  const problems${t(d, ': string[]')} = [];`,
    `  if (typeof body !== 'object' || body === null) return ['body must be an object'];`,
  ];
  for (const f of x.fields) {
    if (f.name === 'createdAt' || f.name === 'updatedAt') continue;
    if (f.ts === 'Date') lines.push(`  if (body.${f.name} !== undefined && Number.isNaN(Date.parse(body.${f.name}))) problems.push('${f.name} must be an ISO date');`);
    else if (f.name === 'email') lines.push(`  if (!/^[^@\\s]+@[^@\\s]+$/.test(String(body.email ?? ''))) problems.push('email is invalid');`);
    else lines.push(`  if (typeof body.${f.name} !== '${f.ts}') problems.push('${f.name} must be a ${f.ts}');`);
    if (f.ts === 'number') lines.push(`  else if (body.${f.name} < 0) problems.push('${f.name} must not be negative');`);
  }
  lines.push(say(c, '  ', 'debug', `validated ${x.one}`, 'problems.length').trimEnd());
  lines.push('  return problems;', '}', '');
  return header(c, `Input checks for ${x.many}: returns every problem, not just the first.`) + doc(c.r, '', `Problems with a ${x.one} payload; empty when valid.`) + lines.join('\n') + ex.footer();
}

export function testFile(c: FileContext, x: Resource): string {
  const { d, r } = c;
  const obj = `{ ${x.fields
    .filter((f) => f.name !== 'createdAt')
    .map((f) => `${f.name}: ${sample(f, r)}`)
    .join(', ')} }`;
  const lines = [
    imp(d, 'supertest', [], 'request'),
    d.esm ? imp(d, 'vitest', ['describe', 'it', 'expect', 'beforeAll']) : '',
    imp(d, rel(d, '../src/app'), ['createApp']),
    '',
    `describe('${x.many} API', () => {`,
    `  const app = createApp();`,
    `  let created${t(d, ': any')};`,
    '',
    '  beforeAll(async () => {',
    `    const res = await request(app).post('/api/v1/${x.many}').send(${obj});`,
    '    created = res.body;',
    say(c, '    ', 'log', `fixture ${x.one}`, 'created.id').trimEnd(),
    '  });',
    '',
    `  it('lists ${x.many} with paging', async () => {`,
    `    const res = await request(app).get('/api/v1/${x.many}?page=1&limit=5');`,
    '    expect(res.status).toBe(200);',
    '    expect(res.body.items.length).toBeLessThanOrEqual(5);',
    `    expect(res.headers['x-total-count']).toBeDefined();`,
    '  });',
    '',
    `  it('returns 404 for an unknown ${x.one}', async () => {`,
    `    const res = await request(app).get('/api/v1/${x.many}/does-not-exist');`,
    '    expect(res.status).toBe(404);',
    '  });',
    '',
    `  it('rejects an invalid ${x.one}', async () => {`,
    `    const res = await request(app).post('/api/v1/${x.many}').send({});`,
    '    expect(res.status).toBe(422);',
    '    expect(res.body.problems).toContain(expect.any(String));',
    '  });',
  ];
  for (const f of r.sample(x.fields, r.int(1, 3))) {
    lines.push('', `  it('keeps the ${f.name} of a created ${x.one}', async () => {`);
    lines.push(`    const res = await request(app).get(\`/api/v1/${x.many}/\${created.id}\`);`);
    lines.push(say(c, '    ', 'debug', 'response', 'res.body').trimEnd());
    lines.push(`    expect(res.body.${f.name}).toEqual(created.${f.name});`);
    lines.push('  });');
  }
  for (const [verb, after, before] of x.actions) {
    lines.push('', `  it('${verb}s a ${before} ${x.one}', async () => {`);
    lines.push(`    const res = await request(app).post(\`/api/v1/${x.many}/\${created.id}/${verb}\`).send({ reason: 'test' });`);
    lines.push(`    expect([200, 409]).toContain(res.status);`);
    lines.push(`    if (res.status === 200) expect(res.body.status).toBe('${after}');`);
    lines.push('  });');
    lines.push('', `  it('refuses to ${verb} an unknown ${x.one}', async () => {`);
    lines.push(`    const res = await request(app).post('/api/v1/${x.many}/nope/${verb}');`);
    lines.push('    expect(res.status).toBe(404);');
    lines.push(`    expect(res.body.error).toMatch(/not found/);`);
    lines.push('  });');
  }
  lines.push('});', '');
  return header(c, `API tests of ${x.many} against the real app and an in-memory database.`) + lines.filter((l, i, all) => l !== '' || all[i - 1] !== '').join('\n');
}

export const UTILS = ['retry', 'pagination', 'errors', 'dates', 'strings', 'cache', 'async-handler', 'env'] as const;

export function utilFile(c: FileContext, name: (typeof UTILS)[number]): string {
  const { d, r } = c;
  const ex = new Exports(d);
  const body: string[] = [];
  switch (name) {
    case 'retry':
      body.push(
        d.ts ? `${ex.kw('RetryOptions')}interface RetryOptions {\n  attempts?: number;\n  baseDelayMs?: number;\n  factor?: number;\n}\n` : '',
        `const sleep = (ms${t(d, ': number')}) => new Promise((resolve) => setTimeout(resolve, ms));`,
        '',
        `${ex.kw('withRetry')}async function withRetry${d.ts ? '<T>' : ''}(fn${t(d, ': () => Promise<T>')}, { attempts = ${r.int(3, 5)}, baseDelayMs = ${r.pick([50, 100, 200])}, factor = 2 }${t(d, ': RetryOptions')} = {})${t(d, ': Promise<T>')} {`,
        `  let lastError${t(d, ': unknown')};`,
        '  for (let attempt = 1; attempt <= attempts; attempt++) {',
        '    try {',
        '      return await fn();',
        '    } catch (err) {',
        '      lastError = err;',
        say(c, '      ', 'warn', 'attempt failed', 'attempt').trimEnd(),
        '      if (attempt < attempts) await sleep(baseDelayMs * factor ** (attempt - 1));',
        '    }',
        '  }',
        '  throw lastError;',
        '}',
      );
      break;
    case 'pagination':
      body.push(
        d.ts ? `${ex.kw('Page')}interface Page<T> {\n  items: T[];\n  page: number;\n  pages: number;\n  total: number;\n}\n` : '',
        `${ex.kw('paginate')}function paginate${d.ts ? '<T>' : ''}(items${t(d, ': T[]')}, page = 1, size = ${r.pick([10, 20, 50])})${t(d, ': Page<T>')} {`,
        '  const total = items.length;',
        '  const pages = Math.max(1, Math.ceil(total / size));',
        '  const current = Math.min(Math.max(1, page), pages);',
        '  const start = (current - 1) * size;',
        '  return { items: items.slice(start, start + size), page: current, pages, total };',
        '}',
        '',
        `${ex.kw('parseRange')}function parseRange(header${t(d, ': string | undefined')})${t(d, ': { start: number; end: number } | null')} {`,
        '  const match = /^items=(\\d+)-(\\d+)$/.exec(header ?? "");',
        '  if (!match) return null;',
        '  return { start: Number(match[1]), end: Number(match[2]) };',
        '}',
      );
      break;
    case 'errors':
      body.push(
        `${ex.kw('HttpError')}class HttpError extends Error {`,
        d.ts ? '  constructor(public readonly status: number, message: string, public readonly details?: unknown) {' : '  constructor(status, message, details) {',
        '    super(message);',
        `    this.name = 'HttpError';`,
        d.ts ? '' : '    this.status = status;\n    this.details = details;',
        '  }',
        '',
        `  toJSON()${t(d, ': Record<string, unknown>')} {`,
        '    return { error: this.message, status: this.status, details: this.details };',
        '  }',
        '}',
        '',
        `${ex.kw('notFound')}const notFound = (what${t(d, ': string')}) => new HttpError(404, \`\${what} not found\`);`,
        `${ex.kw('badRequest')}const badRequest = (details${t(d, ': unknown')}) => new HttpError(400, 'bad request', details);`,
        `${ex.kw('conflict')}const conflict = (what${t(d, ': string')}) => new HttpError(409, \`\${what} already exists\`);`,
      );
      break;
    case 'dates':
      body.push(
        `const DAY_MS = 24 * 60 * 60 * 1000;`,
        '',
        `${ex.kw('addDays')}function addDays(date${t(d, ': Date')}, days${t(d, ': number')})${t(d, ': Date')} {`,
        '  return new Date(date.getTime() + days * DAY_MS);',
        '}',
        '',
        `${ex.kw('startOfDay')}function startOfDay(date${t(d, ': Date')})${t(d, ': Date')} {`,
        '  const copy = new Date(date);',
        '  copy.setUTCHours(0, 0, 0, 0);',
        '  return copy;',
        '}',
        '',
        `${ex.kw('isoDate')}function isoDate(date${t(d, ': Date')})${t(d, ': string')} {`,
        '  return date.toISOString().slice(0, 10);',
        '}',
        '',
        `${ex.kw('daysBetween')}function daysBetween(a${t(d, ': Date')}, b${t(d, ': Date')})${t(d, ': number')} {`,
        '  return Math.round((startOfDay(b).getTime() - startOfDay(a).getTime()) / DAY_MS);',
        '}',
      );
      break;
    case 'strings':
      body.push(
        `${ex.kw('slugify')}function slugify(text${t(d, ': string')})${t(d, ': string')} {`,
        `  return text.normalize('NFKD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');`,
        '}',
        '',
        `${ex.kw('truncate')}function truncate(text${t(d, ': string')}, max = ${r.pick([40, 80, 120])})${t(d, ': string')} {`,
        `  return text.length <= max ? text : text.slice(0, max - 1) + '\\u2026';`,
        '}',
        '',
        `${ex.kw('maskEmail')}function maskEmail(email${t(d, ': string')})${t(d, ': string')} {`,
        `  const [user, domain] = email.split('@');`,
        `  return \`\${user.slice(0, 2)}***@\${domain}\`;`,
        '}',
      );
      break;
    case 'cache':
      body.push(
        `${ex.kw('TtlCache')}class TtlCache${d.ts ? '<K, V>' : ''} {`,
        d.ts ? '  private readonly entries = new Map<K, { value: V; expires: number }>();\n' : '  entries = new Map();\n',
        `  constructor(${d.ts ? 'private readonly ' : ''}ttlMs = ${r.pick([1000, 60000])}, ${d.ts ? 'private readonly ' : ''}maxEntries = ${r.pick([100, 1000, 10000])}) {`,
        d.ts ? '' : '    this.ttlMs = ttlMs;\n    this.maxEntries = maxEntries;',
        '  }',
        '',
        `  get(key${t(d, ': K')})${t(d, ': V | undefined')} {`,
        '    const entry = this.entries.get(key);',
        '    if (!entry) return undefined;',
        '    if (entry.expires < Date.now()) {',
        '      this.entries.delete(key);',
        '      return undefined;',
        '    }',
        '    return entry.value;',
        '  }',
        '',
        `  set(key${t(d, ': K')}, value${t(d, ': V')})${t(d, ': void')} {`,
        '    if (this.entries.size >= this.maxEntries) {',
        '      const oldest = this.entries.keys().next().value;',
        `      if (oldest !== undefined) this.entries.delete(oldest);`,
        say(c, '      ', 'debug', 'cache evicted', 'oldest').trimEnd(),
        '    }',
        '    this.entries.set(key, { value, expires: Date.now() + this.ttlMs });',
        '  }',
        '}',
      );
      break;
    case 'async-handler':
      body.push(
        d.ts ? impType(d, 'express', ['Request', 'Response', 'NextFunction', 'RequestHandler']) + '\n' : '',
        `${ex.kw('asyncHandler')}function asyncHandler(fn${t(d, ': (req: Request, res: Response, next: NextFunction) => Promise<unknown>')})${t(d, ': RequestHandler')} {`,
        '  return (req, res, next) => {',
        '    fn(req, res, next).catch((err) => {',
        say(c, '      ', 'error', 'handler failed', 'err').trimEnd(),
        '      next(err);',
        '    });',
        '  };',
        '}',
      );
      break;
    case 'env':
      body.push(
        `${ex.kw('envInt')}function envInt(name${t(d, ': string')}, fallback${t(d, ': number')})${t(d, ': number')} {`,
        '  const raw = process.env[name];',
        '  if (raw === undefined) return fallback;',
        '  const value = Number.parseInt(raw, 10);',
        '  if (Number.isNaN(value)) {',
        say(c, '    ', 'warn', 'ignoring a non-numeric environment variable', 'name').trimEnd(),
        '    return fallback;',
        '  }',
        '  return value;',
        '}',
        '',
        `${ex.kw('envBool')}function envBool(name${t(d, ': string')}, fallback = false)${t(d, ': boolean')} {`,
        '  const raw = process.env[name]?.toLowerCase();',
        `  if (raw === undefined) return fallback;`,
        `  return raw === '1' || raw === 'true' || raw === 'yes';`,
        '}',
      );
      break;
  }
  const text = body.filter((l, i, all) => l !== '' || all[i - 1] !== '').join('\n');
  return header(c, `Shared helpers: ${name}.`) + text + '\n' + ex.footer();
}

export const MIDDLEWARE = ['request-timing', 'auth', 'rate-limit', 'not-found'] as const;

export function middlewareFile(c: FileContext, name: (typeof MIDDLEWARE)[number]): string {
  const { d, r } = c;
  const ex = new Exports(d);
  const fn = camel(name);
  const types = d.ts ? impType(d, 'express', ['Request', 'Response', 'NextFunction']) + '\n\n' : '';
  const sig = `(req${t(d, ': Request')}, res${t(d, ': Response')}, next${t(d, ': NextFunction')})`;
  let body: string;
  switch (name) {
    case 'request-timing':
      body = `${ex.kw(fn)}function ${fn}${sig} {
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    res.locals.durationMs = ms;
${say(c, '    ', 'info', 'request', '`${req.method} ${req.originalUrl} ${res.statusCode} ${ms.toFixed(1)}ms`')}  });
  next();
}
`;
      break;
    case 'auth':
      body = `const PUBLIC = new Set(['/healthz', '/metrics']);

${ex.kw(fn)}function ${fn}${sig} {
  if (PUBLIC.has(req.path)) return next();
  const header = req.get('authorization') ?? '';
  const [scheme, token] = header.split(' ');
  if (scheme !== 'Bearer' || !token) {
${say(c, '    ', 'warn', 'rejected request without a token', 'req.ip')}    res.status(401).json({ error: 'missing bearer token' });
    return;
  }
  res.locals.token = token;
  next();
}
`;
      break;
    case 'rate-limit':
      body = `${ex.kw(fn)}function ${fn}({ windowMs, max }${t(d, ': { windowMs: number; max: number }')}) {
  const hits = new Map${d.ts ? '<string, { count: number; reset: number }>' : ''}();
  return ${sig} => {
    const key = req.ip ?? 'unknown';
    const now = Date.now();
    const entry = hits.get(key) ?? { count: 0, reset: now + windowMs };
    if (entry.reset < now) {
      entry.count = 0;
      entry.reset = now + windowMs;
    }
    entry.count += 1;
    hits.set(key, entry);
    res.setHeader('RateLimit-Remaining', String(Math.max(0, max - entry.count)));
    if (entry.count > max) {
${say(c, '      ', 'warn', 'rate limited', 'key')}      res.status(429).json({ error: 'too many requests', retryAfterMs: entry.reset - now });
      return;
    }
    next();
  };
}
`;
      break;
    case 'not-found':
      body = `${ex.kw(fn)}function ${fn}${sig} {
  if (res.headersSent) return next();
${say(c, '  ', 'debug', 'no route', 'req.originalUrl')}  res.status(404).json({ error: \`no route for \${req.method} \${req.path}\`, hint: '${r.pick(['see /docs', 'check the API version', 'see the OpenAPI spec'])}' });
}
`;
      break;
  }
  return header(c, `Express middleware: ${name}.`) + types + body + ex.footer();
}

export function dockerfile(c: FileContext, ts: boolean): string {
  const entry = ts ? 'dist/src/server.js' : c.d.ext === '.mjs' ? 'src/server.mjs' : 'src/server.js';
  return `FROM node:${c.r.pick(['20', '20.11', '22'])}-alpine AS build
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
${ts ? 'RUN npm run build\n' : ''}
FROM node:20-alpine
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app ./
RUN npm prune --omit=dev
EXPOSE ${c.port}
HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD wget -qO- http://localhost:${c.port}/healthz || exit 1
USER node
CMD ["node", "${entry}"]
`;
}

export function k8sDeployment(c: FileContext): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${c.service}
  labels:
    app: ${c.service}
spec:
  replicas: ${c.r.int(2, 6)}
  selector:
    matchLabels:
      app: ${c.service}
  template:
    metadata:
      labels:
        app: ${c.service}
    spec:
      containers:
        - name: ${c.service}
          image: registry.example.com/${c.service}:1.${c.r.int(0, 40)}.${c.r.int(0, 9)}
          ports:
            - containerPort: ${c.port}
          env:
            - name: PORT
              value: "${c.port}"
          livenessProbe:
            httpGet:
              path: /healthz
              port: ${c.port}
            initialDelaySeconds: 10
            periodSeconds: 15
          readinessProbe:
            httpGet:
              path: /healthz
              port: ${c.port}
            periodSeconds: 5
          resources:
            requests:
              cpu: ${c.r.pick(['100m', '250m', '500m'])}
              memory: ${c.r.pick(['128Mi', '256Mi', '512Mi'])}
---
apiVersion: v1
kind: Service
metadata:
  name: ${c.service}
spec:
  selector:
    app: ${c.service}
  ports:
    - port: 80
      targetPort: ${c.port}
`;
}

export function composeFile(services: { name: string; port: number }[]): string {
  const lines = ['services:'];
  for (const s of services) {
    lines.push(
      `  ${s.name}:`,
      `    build: ./services/${s.name}`,
      '    ports:',
      `      - "${s.port}:${s.port}"`,
      '    environment:',
      `      DATABASE_URL: postgres://postgres@db:5432/${s.name.replace(/-/g, '_')}`,
      '    healthcheck:',
      `      test: ["CMD", "wget", "-qO-", "http://localhost:${s.port}/healthz"]`,
      '      interval: 30s',
      '    depends_on:',
      '      - db',
    );
  }
  lines.push('  db:', '    image: postgres:16', '    environment:', '      POSTGRES_HOST_AUTH_METHOD: trust', '');
  return lines.join('\n');
}

export function packageJson(c: FileContext): string {
  const pkg: Record<string, unknown> = {
    name: `@acme/${c.service}`,
    version: `1.${c.r.int(0, 30)}.${c.r.int(0, 9)}`,
    private: true,
    ...(c.d.esm && !c.d.ts ? { type: 'module' } : {}),
    scripts: c.d.ts ? { build: 'tsc -p .', start: 'node dist/src/server.js', test: 'vitest run' } : { start: `node src/server${c.d.ext}`, test: 'jest' },
    // Every module the bench's options name is a dependency: verification withholds imports of packages a service lacks.
    dependencies: { express: '^4.19.2', pg: '^8.11.0', '@acme/logger': '^2.0.0', '@acme/correlation-id': '^1.0.0' },
    devDependencies: c.d.ts ? { typescript: '^5.4.0', vitest: '^1.6.0', supertest: '^6.3.0' } : { jest: '^29.7.0', supertest: '^6.3.0' },
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}

export function serverFile(c: FileContext): string {
  const { d } = c;
  return [
    imp(d, rel(d, './app'), [], 'app'),
    '',
    `// The app module starts listening on import; this entry only names the process for ps and logs.`,
    `process.title = '${c.service}';`,
    d.ts ? 'export {};' : '',
    `void app;`,
    '',
  ].join('\n');
}

function camel(kebabName: string): string {
  return kebabName.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase());
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`);
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
}
