import { send } from './mailer';

export async function notify(to: string) {
  try {
    await send(to);
  } catch (error) {
    console.error('Mail failed', to, error);
  }
}
