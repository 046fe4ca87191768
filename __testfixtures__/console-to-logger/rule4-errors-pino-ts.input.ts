import { connect } from './broker';

export async function start() {
  try {
    await connect();
  } catch (error) {
    console.error('Broker connection failed:', error);
    throw error;
  }
}
