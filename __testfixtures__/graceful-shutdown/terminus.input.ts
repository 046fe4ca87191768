import http from 'node:http';
import express from 'express';
import { createTerminus } from '@godaddy/terminus';

const app = express();
const server = http.createServer(app);

createTerminus(server, { healthChecks: { '/health': async () => 'ok' } });

server.listen(3000);
