/** Shows a secret by its first 4 characters only. */
export function maskSecret(secret: string): string {
  return `${secret.slice(0, 4)}…`;
}

/** Replaces every occurrence of each secret in `text` by its mask; longer secrets first. */
export function redact(text: string, secrets: readonly string[] | undefined): string {
  if (!secrets?.length) return text;
  let out = text;
  for (const s of [...new Set(secrets)].sort((a, b) => b.length - a.length)) {
    if (s.length > 4) out = out.split(s).join(maskSecret(s));
  }
  return out;
}
