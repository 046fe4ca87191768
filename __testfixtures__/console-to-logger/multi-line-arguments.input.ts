import { http } from './http';

export async function call(url: string) {
  const started = Date.now();
  const response = await http.get(url);
  console.log(
    'Upstream answered',
    url,
    {
      status: response.status,
      tookMs: Date.now() - started,
    },
  );
  console.info('Headers', response.headers, (header: string) => {
    return header.toLowerCase();
  });
}
