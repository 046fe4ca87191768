import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import * as bcrypt from 'bcrypt';

const DEFAULT_ROUNDS = Number(process.env.BCRYPT_SALT_ROUNDS ?? 10);
const legacyRounds = Number(process.env.SALT_ROUNDS) || 8;
const adminRounds = process.env.ADMIN_HASH_ROUNDS ? parseInt(process.env.ADMIN_HASH_ROUNDS, 10) : 10;
const { BCRYPT_ROUNDS = "11" } = process.env;

@Injectable()
export class PasswordService {
  constructor(private readonly config: ConfigService) {}

  hash(plain: string): Promise<string> {
    const rounds = this.config.get<number>('BCRYPT_SALT_ROUNDS', 10);
    return bcrypt.hash(plain, rounds);
  }

  compare(plain: string, digest: string): Promise<boolean> {
    return bcrypt.compare(plain, digest);
  }
}

export { DEFAULT_ROUNDS, legacyRounds, adminRounds, BCRYPT_ROUNDS };
