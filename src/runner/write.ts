import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Temp files being written right now, removed if the process is interrupted. */
const pending = new Set<string>();
/** Files this process has written (renamed into place): an interrupt says how many. */
let written = 0;

export function filesWritten(): number {
  return written;
}

export function removePendingTempFiles(): void {
  for (const tmp of pending) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // already renamed or never created
    }
  }
  pending.clear();
}

/**
 * Writes `content` to `file` atomically: a temp file in the same folder (same file system, so the
 * rename is atomic), the original mode kept, then rename. A reader never sees a half-written file,
 * and Ctrl-C leaves either the old or the new file.
 */
export function writeFileAtomic(file: string, content: string, mode?: number): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.shipshape-${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
  pending.add(tmp);
  try {
    const fd = fs.openSync(tmp, 'wx', mode !== undefined ? mode & 0o7777 : 0o644);
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (mode !== undefined) fs.chmodSync(tmp, mode & 0o7777);
    fs.renameSync(tmp, file);
    written++;
  } catch (err) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // nothing to clean
    }
    throw err;
  } finally {
    pending.delete(tmp);
  }
}

/** Whether the file's mode forbids writing (checked by mode bits: root may write anything). */
export function isReadOnly(mode: number): boolean {
  return (mode & 0o222) === 0;
}
