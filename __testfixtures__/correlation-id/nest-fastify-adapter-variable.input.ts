import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { buildAdapter } from './adapter';

async function bootstrap() {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, buildAdapter());
  await app.listen(3000, '0.0.0.0');
}

void bootstrap();
