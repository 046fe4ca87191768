import axios from 'axios';

export const orders = axios.create({ baseURL: process.env.ORDERS_URL, timeout: 2000 });

export async function orderCount(): Promise<number> {
  const { data } = await orders.get('/count');
  return data.count;
}
