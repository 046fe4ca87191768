import { api } from './api';

export async function fetchAll() {
  const payload = await api.get();
  console.log(
    'Payload received', // from the upstream API
    payload, // full body
  );
  console.warn(
    // first attempt failed
    'Retrying',
    api.retries,
  );
}
