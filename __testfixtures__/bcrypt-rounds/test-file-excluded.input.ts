import * as bcrypt from 'bcrypt';
import { AuthService } from './auth.service';

describe('AuthService', () => {
  it('accepts the right password', async () => {
    const digest = await bcrypt.hash('pw', 4);
    const service = new AuthService();
    expect(await service.verify('pw', digest)).toBe(true);
  });
});
