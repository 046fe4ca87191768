import bcrypt from 'bcrypt';
import { genSaltSync as makeSalt, hashSync } from 'bcryptjs';
import type { Request, Response } from 'express';
import { users } from '../db';

export async function signup(req: Request, res: Response) {
  const salt = await bcrypt.genSalt(10);
  const hashed = await bcrypt.hash(req.body.password, salt);
  await users.insert({ email: req.body.email, password: hashed });
  res.sendStatus(201);
}

export function seedAdmin(password: string) {
  return hashSync(password, 8);
}

export function seedSalt() {
  return makeSalt(10);
}

export const verify = (plain: string, digest: string) => bcrypt.compare(plain, digest);
