import bcrypt from 'bcryptjs';
import { env } from './env';
import { ENV_CONFIG } from './env.config';
import { toInt } from './utils/numbers';

export const DEFAULT_SALT_ROUNDS: number = 10;
export const BCRYPT_SALT_ROUNDS: number = Number(process.env.BCRYPT_SALT_ROUNDS) || DEFAULT_SALT_ROUNDS;

const adminRounds = Number.parseFloat(ENV_CONFIG.ADMIN_SALT_ROUNDS || '11');
const apiKeyRounds = toInt(env.API_KEY_HASH_ROUNDS, 10);
const floorRounds = Math.max(Number(process.env.MIN_SALT_ROUNDS), 10);

export const hashAdminPassword = (pw: string) => bcrypt.hash(pw, adminRounds);
export const hashApiKey = (key: string) => bcrypt.hash(key, apiKeyRounds);
export const limits = { floorRounds };
