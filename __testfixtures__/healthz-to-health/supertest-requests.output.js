const request = require('supertest');
const axios = require('axios');
const app = require('../src/app');

const BASE_URL = process.env.BASE_URL || 'http://localhost:3001';

describe('GET /health', () => {
  it('answers 200 on /health', async () => {
    await request(app).get('/health').expect(200);
  });

  it('answers with details on /health?full=1', async () => {
    const res = await request(app).get('/health?full=1');
    expect(res.body.db).toBe('up');
  });

  it('is reachable over HTTP', async () => {
    const res = await fetch('http://localhost:3001/health');
    expect(res.ok).toBe(true);
    const viaAxios = await axios.get(`${BASE_URL}/health/`);
    expect(viaAxios.status).toBe(200);
  });

  it('does not serve /healthzcheck', async () => {
    await request(app).get('/healthzcheck').expect(404);
  });
});

test('helpers', async () => {
  await rawGet('/health');
  await get.debug(`/health`);
  const url = getConfig('service.health.url', '/health');
});
