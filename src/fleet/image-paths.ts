import path from 'node:path';
import { dockerInstructions } from '../deploy/dockerfile';
import { copyParts } from './docker-context';
import type { ImageCopy } from './types';

/**
 * The copies of a Dockerfile's final stage, in order (a later one covers an earlier one), with each
 * destination resolved against the WORKDIR in force where it is written. A stage's WORKDIR starts
 * from the stage it is built on, else `/`.
 */
export function imageCopiesOf(source: string, context: string): ImageCopy[] {
  const stages = new Map<string, { copies: ImageCopy[]; workdir: string }>();
  let current = { copies: [] as ImageCopy[], workdir: '/' };
  for (const ins of dockerInstructions(source)) {
    if (ins.keyword === 'FROM') {
      const [image, as, name] = ins.args.split(/\s+/).filter((w) => !w.startsWith('--'));
      const base = stages.get(image?.toLowerCase());
      current = { copies: [...(base?.copies ?? [])], workdir: base?.workdir ?? '/' };
      if (as?.toLowerCase() === 'as' && name) stages.set(name.toLowerCase(), current);
    } else if (ins.keyword === 'WORKDIR') current.workdir = path.posix.resolve(current.workdir, ins.args.replace(/^["']|["']$/g, ''));
    else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
      const { sources, dest, from } = copyParts(ins.args);
      if (!dest) continue;
      const stage = from ? stages.get(from.toLowerCase()) : undefined;
      if (from && !stage) continue;
      const to = path.posix.resolve(current.workdir, dest);
      const intoDir = dest.endsWith('/') || dest === '.' || sources.length > 1;
      for (const s of sources) {
        if (/[*?[]/.test(s)) continue;
        const file = !s.endsWith('/') && /.\.\w+$/.test(path.posix.basename(s));
        current.copies.push({ source: stage ? path.posix.resolve(stage.workdir, s) : path.resolve(context, s), dest: to, intoDir, file, ...(stage ? { stage: stage.copies } : {}) });
      }
    }
  }
  return current.copies;
}

/**
 * The build-context path of a path in the image: through the last copy that put something there.
 * A folder source puts its contents at the destination (`COPY src /app/src`, `COPY . .`); a file
 * source goes into a destination folder under its own name (`COPY index.js ./`), else takes the
 * destination's name. Files and folders are told apart by name (a file has an extension). Undefined
 * when no copy from the context reaches the path (a file the image builds itself).
 */
export function contextPathOf(imagePath: string, copies: ImageCopy[]): string | undefined {
  for (let i = copies.length - 1; i >= 0; i--) {
    const c = copies[i];
    const dest = c.dest.replace(/\/$/, '');
    const rest = imagePath === dest ? '' : imagePath.startsWith(dest + '/') ? imagePath.slice(dest.length + 1) : null;
    if (rest === null) continue;
    let candidate: string | undefined;
    if (c.file) candidate = (c.intoDir ? rest === path.posix.basename(c.source) : rest === '') ? c.source : undefined;
    else if (rest !== '') candidate = path.posix.join(c.source, rest);
    const found = candidate && c.stage ? contextPathOf(candidate, c.stage) : candidate;
    if (found) return found;
  }
  return undefined;
}
