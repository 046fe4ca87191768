import axios from 'axios';
import { getCorrelationId } from '../middleware/correlation-id';

export const orders = axios.create({ baseURL: process.env.ORDERS_URL, timeout: 2000 });

orders.interceptors.request.use((config) => {
  const id = getCorrelationId();
  if (id && config.headers) config.headers['x-correlation-id'] = id;
  return config;
});

export async function orderCount(): Promise<number> {
  const { data } = await orders.get('/count');
  return data.count;
}
