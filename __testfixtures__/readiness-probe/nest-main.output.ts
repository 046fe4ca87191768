import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { markStarted } from './lifecycle';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  await app.listen(3000);
  markStarted();
}
bootstrap();
