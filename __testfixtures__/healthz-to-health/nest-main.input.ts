import { NestFactory } from '@nestjs/core';
import { RequestMethod } from '@nestjs/common';
import { RouterModule } from '@nestjs/core';
import { AppModule } from './app.module';
import { HealthzModule } from './healthz/healthz.module';

export const routes = RouterModule.register([{ path: 'healthz', module: HealthzModule }]);

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix('api', {
    exclude: ['healthz', { path: 'healthz/ready', method: RequestMethod.GET }, 'metrics'],
  });
  await app.listen(3000);
}
bootstrap();
