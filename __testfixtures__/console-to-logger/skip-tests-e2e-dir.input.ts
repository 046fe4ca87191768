import { describe, it } from 'vitest';

export async function setup() {
  console.log('Starting the e2e stack');
}
