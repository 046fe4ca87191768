import https from 'node:https';
import { readFileSync } from 'node:fs';
import express from 'express';

const app = express();
app.get('/status', (_req, res) => res.json({ up: true }));

const tls = {
  key: readFileSync(process.env.TLS_KEY_PATH!),
  cert: readFileSync(process.env.TLS_CERT_PATH!),
};

https.createServer(tls, app).listen(8443, () => {
  console.log('TLS listening on 8443');
});
