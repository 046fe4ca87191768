export function handle(line: string) {
  console.error('Received', line);
  process.stdout.write(JSON.stringify({ jsonrpc: '2.0', result: line }) + '\n');
}
