import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as babel from '@babel/parser';
import { babelOptions, isJsLike } from '../src/engine/parser';

/*
 * How much a second worker can give on this machine, measured apart from shipshape: the same parse
 * work (@babel/parser with tokens, as the engine parses) in one process, then in two at once. On a
 * machine whose two cores share their execution units or memory bandwidth, two parse-bound workers
 * do far less than twice the work of one, and every worker-count comparison has to be read with that.
 */

/** JS/TS sources to parse: the fixture files of this checkout. */
function corpus(): string[] {
  const root = path.resolve(__dirname, '..', '..', '__testfixtures__');
  const out: string[] = [];
  for (const dir of fs.readdirSync(root)) {
    for (const f of fs.readdirSync(path.join(root, dir))) if (isJsLike(f)) out.push(fs.readFileSync(path.join(root, dir, f), 'utf8'));
  }
  return out;
}

/** Parses the corpus `rounds` times; prints the milliseconds it took. */
function work(rounds: number): void {
  const sources = corpus();
  const options = babelOptions('x.ts');
  const plain = babelOptions('x.js');
  // A round first, so both measurements start with compiled code.
  const once = () => {
    for (const s of sources) {
      try {
        babel.parse(s, options);
      } catch {
        babel.parse(s, plain);
      }
    }
  };
  once();
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) once();
  process.stdout.write(`${Number(process.hrtime.bigint() - start) / 1e6}\n`);
}

function child(rounds: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [__filename, '--work', String(rounds)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(Number(out.trim())) : reject(new Error(`scaling probe exited ${code}`))));
  });
}

export interface Scaling {
  /** Milliseconds for the work in one process alone. */
  oneMs: number;
  /** Wall milliseconds for two processes doing that work each, at once. */
  twoMs: number;
  /** Throughput of two processes over one: 2 = perfect, 1 = the second core adds nothing. */
  speedup: number;
}

/** Measures the machine's two-worker speedup for parse-bound work (about 5 s on 2 cores). */
export async function measureScaling(rounds: number): Promise<Scaling> {
  const oneMs = await child(rounds);
  const twoMs = Math.max(...(await Promise.all([child(rounds), child(rounds)])));
  return { oneMs, twoMs, speedup: (2 * oneMs) / twoMs };
}

if (require.main === module && process.argv[2] === '--work') work(Number(process.argv[3]) || 1);
