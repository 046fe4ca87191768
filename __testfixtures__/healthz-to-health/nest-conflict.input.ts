import { Controller, Get } from '@nestjs/common';

@Controller({ path: 'healthz', version: '1' })
export class ProbeController {
  @Get()
  live() {
    return { status: 'ok' };
  }
}

@Controller('ops')
export class OpsController {
  @Get('healthz')
  old() {
    return 'ok';
  }

  @Get('health')
  current() {
    return { status: 'ok' };
  }
}
