import { Controller, Get } from '@nestjs/common';

@Controller()
export class HealthController {
  @Get(['health', 'healthz'])
  check() {
    return { status: 'ok' };
  }
}
