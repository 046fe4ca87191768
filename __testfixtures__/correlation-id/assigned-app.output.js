import express from 'express';
import { json } from 'express';
import correlation from '@acme/correlation';

let app;
let admin;

export function start(port) {
  app = express();
  app.use(correlation);
  app.use(json());
  app.listen(port);
}

if (process.env.ADMIN_PORT) admin = express();
