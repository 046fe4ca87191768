import express from 'express';
import { db } from './db.js';
import { routes } from './routes/index.js';

const app = express();
app.use(routes);
await db.connect();
console.log('Orders service ready');
