import { describe, it } from 'vitest';

describe('payments', () => {
  it('logs', () => {
    console.log('in test');
  });
});
