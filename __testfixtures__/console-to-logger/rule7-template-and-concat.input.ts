import { server } from './server';

export function announce(port: number, host: string) {
  console.log(`[Gateway] Listening on ${host}:${port}`);
  console.log(`Listening on ${host}`, port);
  console.log('User ' + host + ' created');
  console.log('[Gateway] Proxy ready for ' + host, port);
  console.log('Ready:', `${host}:${port}`, 'after', server.uptime());
}
