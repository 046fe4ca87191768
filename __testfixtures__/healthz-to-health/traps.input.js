import healthz from './routes/healthz';
import { healthzHandler } from '../healthz/handler.js';

const mod = await import('./healthz/index.js');
const file = path.join(__dirname, 'healthz', 'status.json');

export function registerHealthz(app) {
  app.get('/healthzcheck', healthzHandler);
  app.get('/api/healthz-v2', healthz);
  app.get('/healthz.txt', mod.text);
  return app;
}
