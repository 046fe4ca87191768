import { Router } from 'express';
import { orders } from './orders';

export function report(next: { status: string }, order: { id: string; items: string[] }, id: string, user: any) {
  console.log('Status changed', next.status, order.id);
  console.log('Order loaded', id, order.id, user.profile.id);
  console.log('Order size', order.items.length, orders.count(), 42, true);
  console.log('Payload', JSON.stringify(order), user.getEmail(), new Date(), Date.now() - 5);
  console.log('Lookup', user['first-name'], order.items[0], user as Record<string, string>, user!.name);
  console.log('Message', user.message, user.level, order.id ?? 'none');
  console.log('Timing', `${id}-x`, undefined, [1, 2]);
}
