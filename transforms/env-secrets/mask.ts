/**
 * How a manual item names a secret: at most its first 4 characters, and never more than half of it,
 * so a short password is not given away whole.
 */
export function maskedPrefix(secret: string): string {
  return `${secret.slice(0, Math.min(4, Math.floor(secret.length / 2)))}…`;
}
