import bcrypt from 'bcryptjs';

export const BCRYPT_SALT_ROUNDS = 14;
export const hashPassword = (pw) => bcrypt.hash(pw, BCRYPT_SALT_ROUNDS);
export const hashApiKey = (key) => bcrypt.hash(key, 15);
