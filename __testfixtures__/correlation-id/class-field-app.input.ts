import express from 'express';
import helmet from 'helmet';
import { BaseServer } from './base-server';

export class HttpServer extends BaseServer {
  readonly app = express();

  constructor(private readonly port: number) {
    super('http');
    this.app.use(helmet());
  }

  listen() {
    return this.app.listen(this.port);
  }
}

export class MetricsServer {
  private readonly app = express();

  listen(port: number) {
    this.app.get('/metrics', (_req, res) => res.send(''));
    return this.app.listen(port);
  }
}
