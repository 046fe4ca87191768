import bcrypt from 'bcrypt';
import { hash } from './crypto/argon';
import { config } from './config';

const pageSize = parseInt(process.env.PAGE_SIZE || '10', 10);

export async function store(password: string, rounds: number) {
  const a = await bcrypt.hash(password, rounds);
  const b = await bcrypt.hash(password, config.bcrypt.saltRounds);
  const c = await bcrypt.hash(password, 12);
  const d = bcrypt.genSaltSync(14);
  const e = await hash(password, 10);
  const f = Number(process.env.BCRYPT_SALT_ROUNDS ?? 12);
  return { a, b, c, d, e, f, pageSize };
}
