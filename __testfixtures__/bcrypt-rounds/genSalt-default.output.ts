import * as bcrypt from 'bcryptjs';
import { Injectable } from '@nestjs/common';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersSeedService {
  constructor(private readonly users: UsersRepository) {}

  async run(): Promise<void> {
    const salt = await bcrypt.genSalt(12);
    const password = await bcrypt.hash('secret', salt);
    await this.users.save({ email: 'admin@example.com', password });
  }

  legacy(done: (err: Error | null, hash?: string) => void): void {
    bcrypt.genSalt(12, (err, salt) => {
      if (err) return done(err);
      bcrypt.hash('secret', salt, done);
    });
  }
}
