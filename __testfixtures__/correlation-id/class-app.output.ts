import express, { Application } from 'express';
import compression from 'compression';
import { Controller } from './interfaces/controller';
import { correlationIdMiddleware } from './lib/correlation-id';

export class App {
  public app: Application;

  constructor(private readonly controllers: Controller[], private readonly port: number) {
    this.app = express();
    this.app.set('trust proxy', true);
    this.app.use(correlationIdMiddleware);

    this.initializeMiddlewares();
    this.initializeControllers();
  }

  private initializeMiddlewares(): void {
    this.app.use(compression());
    this.app.use(express.json());
  }

  private initializeControllers(): void {
    for (const controller of this.controllers) this.app.use('/', controller.router);
  }

  public listen(): void {
    this.app.listen(this.port);
  }
}
