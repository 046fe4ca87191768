const request = require('supertest');
const axios = require('axios');
const app = require('../src/app');

const BASE_URL = process.env.BASE_URL || 'http://localhost:3001';

describe('GET /healthz', () => {
  it('answers 200 on /healthz', async () => {
    await request(app).get('/healthz').expect(200);
  });

  it('answers with details on /healthz?full=1', async () => {
    const res = await request(app).get('/healthz?full=1');
    expect(res.body.db).toBe('up');
  });

  it('is reachable over HTTP', async () => {
    const res = await fetch('http://localhost:3001/healthz');
    expect(res.ok).toBe(true);
    const viaAxios = await axios.get(`${BASE_URL}/healthz/`);
    expect(viaAxios.status).toBe(200);
  });

  it('does not serve /healthzcheck', async () => {
    await request(app).get('/healthzcheck').expect(404);
  });
});

test('helpers', async () => {
  await rawGet('/healthz');
  await get.debug(`/healthz`);
  const url = getConfig('service.health.url', '/healthz');
});
