/**
 * Fixture trees: a small multi-service repository in, the expected repository out.
 *
 *   __testfixtures__/trees/<case>/input/    the repository before the run (any files, any depth)
 *   __testfixtures__/trees/<case>/output/   the repository after `shipshape run --write` (every file,
 *                                           also the ones that do not change)
 *   __testfixtures__/trees/<case>/case.json optional:
 *     "transforms": ["console-to-logger"]   what `-t` selects (default: the core preset)
 *     "exitCode": 0                         the run's exit code (default 0)
 *     "manual": [{ "path": "services/c/package.json", "message": "substring" }]
 *                                           manual items expected, exactly these (any order)
 *     "services": ["cart", "(root)"]        the fleet model's service names, in order
 *     "roles": { "services/cart/k6/load.js": "tooling" }   roles the model must give
 *
 * The input is copied to a temp folder and run through the real runner (`execute`, mode write,
 * one thread), compared file by file with `output/`, then run a second time, which must change
 * nothing and end with the same exit code (idempotency). A `.gitkeep` file is ignored on both sides.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { execute } from '../../src/runner/run';

export interface TreeCase {
  transforms?: string[];
  exitCode?: number;
  manual?: { path: string; message: string }[];
  services?: string[];
  roles?: Record<string, string>;
}

export const TREES = path.join(__dirname, '..', '..', '__testfixtures__', 'trees');

function filesOf(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) return filesOf(path.join(dir, e.name), rel);
    return e.name === '.gitkeep' ? [] : [rel];
  });
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(filesOf(dir).sort().map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

export function treeCases(): string[] {
  return fs.existsSync(TREES) ? fs.readdirSync(TREES).filter((c) => fs.statSync(path.join(TREES, c)).isDirectory()).sort() : [];
}

export async function runTreeCase(name: string): Promise<void> {
  const caseDir = path.join(TREES, name);
  const spec: TreeCase = fs.existsSync(path.join(caseDir, 'case.json')) ? JSON.parse(fs.readFileSync(path.join(caseDir, 'case.json'), 'utf8')) : {};
  const work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `shipshape-tree-${name}-`)));
  fs.cpSync(path.join(caseDir, 'input'), work, { recursive: true });
  for (const keep of filesOf(work).filter((f) => f.endsWith('.gitkeep'))) fs.rmSync(path.join(work, keep));
  const run = () => execute({ cwd: work, mode: 'write', allowDirty: true, jobs: 1, format: false, ...(spec.transforms ? { transforms: spec.transforms } : {}) });

  const first = await run();
  expect(first.exitCode, `${name}: exit code (errors: ${JSON.stringify(first.report.files.filter((f) => f.error).map((f) => [f.path, f.error]))})`).toBe(spec.exitCode ?? 0);
  expect(snapshot(work), `${name}: the tree after the run`).toEqual(snapshot(path.join(caseDir, 'output')));
  if (spec.manual) {
    const items = first.report.files.flatMap((f) => f.manual.map((m) => ({ path: f.path, message: m.message })));
    expect(items.length, `${name}: manual items ${JSON.stringify(items)}`).toBe(spec.manual.length);
    for (const want of spec.manual) expect(items.some((i) => i.path === want.path && i.message.includes(want.message)), `${name}: manual item ${JSON.stringify(want)} in ${JSON.stringify(items)}`).toBe(true);
  }
  if (spec.services) expect(first.fleet.services.map((s) => s.name)).toEqual(spec.services);
  for (const [file, role] of Object.entries(spec.roles ?? {})) expect(first.fleet.roles[path.join(work, file)], `${name}: role of ${file}`).toBe(role);

  const second = await run();
  expect(second.report.summary.changed, `${name}: a second run changes nothing`).toBe(0);
  // A transform that fails on its own output changes nothing too, but it is not idempotent.
  expect(second.exitCode, `${name}: second run's exit code (errors: ${JSON.stringify(second.report.files.filter((f) => f.error).map((f) => [f.path, f.error]))})`).toBe(spec.exitCode ?? 0);
  expect(snapshot(work)).toEqual(snapshot(path.join(caseDir, 'output')));
}
