const request = require('supertest');
const app = require('../src/app');

let server;
beforeAll(() => {
  server = app.listen(0);
});
afterAll(() => server.close());

test('GET /', async () => {
  await request(server).get('/').expect(200);
});
