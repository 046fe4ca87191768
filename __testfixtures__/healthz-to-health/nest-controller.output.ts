import { Controller, Get, HttpCode } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';

@Controller('health')
export class HealthzController {
  constructor(private readonly health: HealthCheckService) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([]);
  }

  @Get('ready')
  ready() {
    return { ready: true };
  }
}

@Controller()
export class AppController {
  @Get('/health')
  @HttpCode(200)
  ping() {
    return 'ok';
  }

  @Get('healthzcheck')
  legacy() {
    return 'legacy';
  }
}
