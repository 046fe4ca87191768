import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { AXIOS_CLIENTS, LiveService, NODE_MODULES, UUID_V4, downstream, get } from './helpers/live-service';

/**
 * Koa, hapi and fastify-cli services migrated by a real run with the scaffold, then started: a
 * request with the header keeps its ID, one without gets a new UUID; the response echoes it, the
 * handler reads it where the framework keeps it, and the call the handler makes to a second local
 * server through an axios instance carries it (the interceptor reads the AsyncLocalStorage).
 */
const KOA = `const Koa = require('koa');
const { inventory } = require('./clients');

const app = new Koa();
app.use(async (ctx) => {
  const { data } = await inventory.get('/stock');
  ctx.body = { id: ctx.state.correlationId, downstream: data };
});

const server = app.listen(0, '127.0.0.1', () => console.log('listening on ' + server.address().port));
`;

const HAPI = `'use strict';

const Hapi = require('@hapi/hapi');
const { inventory } = require('./clients');

const init = async () => {
  const server = Hapi.server({ port: 0, host: '127.0.0.1' });

  server.route({
    method: 'GET',
    path: '/ping',
    handler: async (request) => {
      const { data } = await inventory.get('/stock');
      return { id: request.app.correlationId, downstream: data };
    },
  });

  await server.start();
  console.log('listening on ' + server.info.port);
};

init();
`;

// The fastify-cli generator's shape: the app is a plugin, its routes a child plugin.
const FASTIFY_APP = `'use strict';

const routes = require('./routes');

module.exports = async function (fastify, opts) {
  fastify.register(routes, opts);
};
`;
const FASTIFY_ROUTES = `'use strict';

const { inventory } = require('./clients');

module.exports = async function (fastify) {
  fastify.get('/ping', async () => {
    const { data } = await inventory.get('/stock');
    return { downstream: data };
  });
};
`;

const service = new LiveService();
afterEach(() => service.stop());

async function expectForwarded(port: number, seen: (string | undefined)[], readsId: boolean) {
  const given = await get(port, { 'x-correlation-id': 'req-7' });
  expect(given.header).toBe('req-7');
  expect(given.body).toEqual({ ...(readsId ? { id: 'req-7' } : {}), downstream: { count: 3 } });
  const minted = await get(port);
  expect(minted.header).toMatch(UUID_V4);
  if (readsId) expect(minted.body.id).toBe(minted.header);
  const malformed = await get(port, { 'x-correlation-id': 'bad id\twith tab' });
  expect(malformed.header).toMatch(UUID_V4);
  expect(seen).toEqual(['req-7', minted.header, malformed.header]);
}

describe('real installs beyond Express, started after the run', () => {
  // A one-file service: what the run must write into it, and what else to ask it.
  const SERVICES = [
    { framework: 'Koa', server: KOA, installed: 'app.use(koaCorrelationId);', where: 'ctx.state.correlationId', notFound: false },
    { framework: 'hapi', server: HAPI, installed: 'await server.register(hapiCorrelationId);', where: 'request.app.correlationId', notFound: true },
  ];
  for (const c of SERVICES) {
    it(`${c.framework}: ${c.installed} before the routes; ${c.where} and the forwarded call carry the ID`, async () => {
      const down = await downstream();
      try {
        const pkg = JSON.stringify({ name: 'svc', main: 'src/server.js' });
        const outcome = await service.migrate({ 'package.json': pkg, 'src/server.js': c.server, 'src/clients.js': AXIOS_CLIENTS }, { scaffold: true });
        expect(outcome.report.summary.errors).toBe(0);
        expect(service.read('src/server.js')).toContain(c.installed);
        const port = await service.start(['src/server.js'], undefined, { INVENTORY_URL: down.url });
        await expectForwarded(port, down.seen, true);
        // hapi's onPreResponse sees errors too: a 404 echoes the ID.
        if (c.notFound) expect(await get(port, { 'x-correlation-id': 'lost-1' }, '/nowhere')).toMatchObject({ status: 404, header: 'lost-1' });
      } finally {
        down.close();
      }
    });
  }

  it('fastify-cli: `fastify start app.js` runs the migrated plugin; routes of its child plugins and their calls carry the ID', async () => {
    const down = await downstream();
    try {
      const pkg = JSON.stringify({ name: 'fastify-svc', scripts: { start: 'fastify start -l info app.js' } });
      const outcome = await service.migrate({ 'package.json': pkg, 'app.js': FASTIFY_APP, 'routes.js': FASTIFY_ROUTES, 'clients.js': AXIOS_CLIENTS }, { scaffold: true });
      expect(outcome.report.summary.errors).toBe(0);
      expect(service.read('app.js')).toContain('fastifyCorrelationId(fastify);');
      const cli = path.join(NODE_MODULES, 'fastify-cli', 'cli.js');
      const port = await service.start([cli, 'start', '-a', '127.0.0.1', '-p', String(await freePort()), '-l', 'info', 'app.js'], /listening at http:\/\/127\.0\.0\.1:(\d+)/i, { INVENTORY_URL: down.url });
      await expectForwarded(port, down.seen, false);
    } finally {
      down.close();
    }
  });
});

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as any).port;
      s.close(() => resolve(port));
    });
  });
}
