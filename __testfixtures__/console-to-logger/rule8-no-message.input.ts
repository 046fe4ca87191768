import { db } from './db';

export async function sync(user: { id: string }, order: { id: string }) {
  try {
    await db.sync(user, order);
  } catch (err) {
    console.error(err);
  }
  console.log(user);
  console.log(user, order);
  console.log({ userId: user.id });
  console.log(42);
}
