import fs from 'node:fs';
import { parse as parseJsonc } from 'jsonc-parser';

/** A file's text, or undefined when it cannot be read (the model describes what it can see). */
export function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/** JSON (comments and trailing commas allowed, as tsconfig files have them), or undefined. */
export function readJsonFile(file: string): any {
  const text = readText(file);
  if (text === undefined) return undefined;
  const value = parseJsonc(text, [], { allowTrailingComma: true });
  return value && typeof value === 'object' ? value : undefined;
}

export function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

export function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
