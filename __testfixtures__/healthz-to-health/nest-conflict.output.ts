import { Controller, Get } from '@nestjs/common';

@Controller({ path: 'health', version: '1' })
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
