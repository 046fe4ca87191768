import * as bcrypt from 'bcrypt';
import { Injectable } from '@nestjs/common';

const SALT_WORK = 12;

@Injectable()
export class AuthService {
  private readonly saltRounds = 12;

  async hashPassword(password: string): Promise<string> {
    return bcrypt.hash(password, this.saltRounds);
  }

  async hashRecoveryCode(code: string): Promise<string> {
    return bcrypt.hash(code, SALT_WORK);
  }
}
