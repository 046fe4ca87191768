import type { BenchResults, ContenderResult, ShapeResult } from './bench';
import { describeMachine } from './machine';

function table(head: string[], rows: string[][], right: boolean[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

const num = (x: number, digits: number) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function checkText(c: ContenderResult): string {
  const k = c.check;
  if (c.name === 'shipshape' || c.name === 'shipshape-cold' || c.name === 'shipshape-1' || c.name === 'shipshape-noverify' || c.name === 'candidate') {
    const per = Object.entries(k)
      .filter(([key]) => key.startsWith('changes.'))
      .map(([key, v]) => `${key.slice(8)} ${v}`)
      .join(', ');
    const stages = typeof k['total ms'] === 'number' ? `; ms: fleet ${k['fleet ms']}, transforms ${k['transform ms']}, verification ${k['verify ms']} of ${k['total ms']}` : '';
    const cache = typeof k['cache hits'] === 'number' ? `; verification cache: ${k['cache hits']} hits, ${k['cache misses']} misses` : '';
    return `${k.files} files, ${k.changed} changed${per ? ` (${per})` : ''}, ${k.errors} errors${stages}${cache}`;
  }
  if (c.name === 'jscodeshift' || c.name === 'jscodeshift-adapter') return `${k.files} files, ${k.ok} changed, ${k.errors} errors`;
  if (c.name === 'ast-grep') return `${k.rewrites} console.log rewrites in ${k.files} files`;
  return `${k.files} files, ${k['would process']} pass a prefilter, ${k['in-process ms']} ms in-process; discovery ${k['discovery ms']} ms, readdir ${k['readdir ms']} ms`;
}

function shapeTable(s: ShapeResult): string {
  const t = s.tree;
  const head = `${s.name}: ${t.files} files, ${num(t.bytes / 2 ** 20, 1)} MB; ${t.codeFiles} JS/TS (${num(t.codeBytes / 2 ** 20, 1)} MB), ${t.consoleFiles} with console calls; seed ${s.seed}; median of ${s.runs} run${s.runs > 1 ? 's' : ''} after ${s.warmup} warm-up\n`;
  const rows = s.contenders.map((c) => [
    c.name,
    String(c.workers),
    num(c.medianWallS, 2),
    num(c.minWallS, 2),
    c.medianCpuS === null ? 'n/a' : num(c.medianCpuS, 2),
    num(c.filesPerS, 0),
    num(c.mbPerS, 1),
    c.peakRssMB === null ? 'n/a' : num(c.peakRssMB, 0),
    checkText(c),
  ]);
  let out = head + table(['contender', 'workers', 'median s', 'min s', 'CPU s', 'files/s', 'MB/s', 'peak RSS MiB', 'what it did'], rows, [false, true, true, true, true, true, true, true, false]);
  const r = s.ratios;
  const parts: string[] = [];
  const cpu = (x: number | undefined) => (x === undefined ? '' : `, CPU paired ${num(x, 2)}`);
  if (r.shipshapeOverJscodeshift !== undefined) parts.push(`shipshape/jscodeshift ${num(r.shipshapeOverJscodeshift, 2)} (paired ${num(r.shipshapeOverJscodeshiftPaired!, 2)}${cpu(r.shipshapeOverJscodeshiftCpuPaired)})`);
  if (r.shipshapeOverFloor !== undefined) parts.push(`shipshape/floor ${num(r.shipshapeOverFloor, 2)} (paired ${num(r.shipshapeOverFloorPaired!, 2)})`);
  if (r.shipshapeOverAstGrep !== undefined) parts.push(`shipshape/ast-grep ${num(r.shipshapeOverAstGrep, 2)} (paired ${num(r.shipshapeOverAstGrepPaired!, 2)}${cpu(r.shipshapeOverAstGrepCpuPaired)})`);
  if (r.noVerifyOverJscodeshift !== undefined)
    parts.push(`shipshape --no-verify/jscodeshift ${num(r.noVerifyOverJscodeshift, 2)} (paired ${num(r.noVerifyOverJscodeshiftPaired!, 2)}${r.noVerifyOverJscodeshiftCpuPaired !== undefined ? `, CPU paired ${num(r.noVerifyOverJscodeshiftCpuPaired, 2)}` : ''})`);
  if (r.coldOverJscodeshift !== undefined) parts.push(`shipshape-cold/jscodeshift ${num(r.coldOverJscodeshift, 2)} (paired ${num(r.coldOverJscodeshiftPaired!, 2)}${cpu(r.coldOverJscodeshiftCpuPaired)})`);
  if (r.coldOverAstGrep !== undefined) parts.push(`shipshape-cold/ast-grep ${num(r.coldOverAstGrep, 2)} (paired ${num(r.coldOverAstGrepPaired!, 2)}${cpu(r.coldOverAstGrepCpuPaired)})`);
  if (r.noVerifyOverAstGrep !== undefined) parts.push(`shipshape --no-verify/ast-grep ${num(r.noVerifyOverAstGrep, 2)} (paired ${num(r.noVerifyOverAstGrepPaired!, 2)})`);
  if (r.shipshapeOverOneThread !== undefined) parts.push(`shipshape/shipshape-1 ${num(r.shipshapeOverOneThread, 2)} (paired ${num(r.shipshapeOverOneThreadPaired!, 2)})`);
  if (r.discoveryOverReaddir !== undefined) parts.push(`discovery/readdir ${num(r.discoveryOverReaddir, 2)}`);
  if (r.candidateOverShipshape !== undefined) parts.push(`candidate/${s.contenders.some((c) => c.name === 'shipshape-cold') ? 'shipshape-cold' : 'shipshape'} ${num(r.candidateOverShipshape, 2)} (paired ${num(r.candidateOverShipshapePaired!, 2)})`);
  if (r.candidateOverJscodeshift !== undefined) parts.push(`candidate/jscodeshift ${num(r.candidateOverJscodeshift, 2)} (paired ${num(r.candidateOverJscodeshiftPaired!, 2)})`);
  if (r.fleetOverShipshape !== undefined) parts.push(`fleet model ${num(s.fleetModelS!, 2)} s = ${num(r.fleetOverShipshape * 100, 1)}% of the shipshape run`);
  if (parts.length) out += `ratios: ${parts.join('; ')}\n`;
  return out;
}

function scaleTable(scale: ShapeResult[]): string {
  const rows: string[][] = [];
  for (const s of scale)
    for (const c of s.contenders)
      rows.push([
        String(s.tree.files),
        c.name,
        num(c.medianWallS, 2),
        num((c.medianWallS / s.tree.files) * 1000, 3),
        num(c.filesPerS, 0),
        c.peakRssMB === null ? 'n/a' : num(c.peakRssMB, 0),
      ]);
  return 'scale (sparse shape)\n' + table(['files', 'contender', 'median s', 's per 1k files', 'files/s', 'peak RSS MiB'], rows, [true, false, true, true, true, true]);
}

/** The tables the bench prints: one per shape, the scale series, the targets. */
export function formatResults(results: BenchResults): string {
  const blocks = [`machine: ${describeMachine(results.machine)}\n`];
  if (results.scaling) {
    const { oneMs, twoMs, speedup } = results.scaling;
    blocks.push(
      `two workers on this machine: ${speedup.toFixed(2)}× the throughput of one (the same @babel/parser work: ${(oneMs / 1000).toFixed(2)} s alone, ${(twoMs / 1000).toFixed(2)} s each with two at once)\n`,
    );
  }
  for (const s of results.shapes) blocks.push(shapeTable(s));
  if (results.scale.length) blocks.push(scaleTable(results.scale));
  if (results.targets.length) {
    const rows = results.targets.map((t) => [t.what, t.limit, t.value, t.met === null ? 'n/a' : t.met ? 'met' : 'MISSED']);
    blocks.push('targets\n' + table(['target', 'limit', 'value', ''], rows, [false, false, true, false]));
  }
  return blocks.join('\n');
}
