import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/config/options';
import { transformFile } from '../src/engine/transform-file';
import type { Options } from '../src/types';
import type { ServiceModel } from '../src/fleet/types';
import { findTransform, TRANSFORMS } from '../transforms';
import { makeService, type ServiceSpec } from './helpers/service';

/**
 * Fixture pairs: __testfixtures__/<transform>/<case>.input.<ext> and <case>.output.<ext>.
 * A missing output file means the input must stay unchanged. An optional <case>.options.json holds the
 * transform's options plus these keys:
 *   "$path":       the file's path relative to the virtual root (default: "src/<case>.<ext>")
 *   "$transforms": other transform names to run together, in registry order
 *   "$manual":     expected manual items, [{ "line": 3, "message": "substring" }], exactly these
 *   "$options":    options of the other transforms, by name
 *   "$service":    the file's service in the fleet model (test/helpers/service.ts fills in the rest)
 * Every case is run a second time on its output, which must not change (idempotency).
 */
const FIXTURES = path.join(__dirname, '..', '__testfixtures__');
const ROOT = '/virtual/repo';

interface CaseSpec {
  $path?: string;
  $transforms?: string[];
  $manual?: { line: number; message: string }[];
  $options?: Record<string, Options>;
  $service?: ServiceSpec;
  [option: string]: unknown;
}

async function optionsFor(name: string, given: Options, file: string, source: string, service?: ServiceModel): Promise<Options> {
  const t = findTransform(name)!;
  let options = resolveOptions(t, given, `fixture options of ${name}`);
  if (t.prepare) options = await t.prepare({ cwd: ROOT, root: ROOT, files: [file], options, read: () => source, service });
  return options;
}

for (const transformName of fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES) : []) {
  const dir = path.join(FIXTURES, transformName);
  if (!fs.statSync(dir).isDirectory()) continue;
  describe(`fixtures: ${transformName}`, () => {
    it('names a known transform', () => expect(findTransform(transformName)?.name).toBe(transformName));
    const inputs = fs.readdirSync(dir).filter((f) => /\.input(\.|$)/.test(f)).sort();
    for (const inputFile of inputs) {
      const caseName = inputFile.replace(/\.input(\..*)?$/, '');
      const ext = inputFile.slice(inputFile.indexOf('.input') + '.input'.length);
      it(caseName, async () => {
        const input = fs.readFileSync(path.join(dir, inputFile), 'utf8');
        const outputPath = path.join(dir, `${caseName}.output${ext}`);
        const expected = fs.existsSync(outputPath) ? fs.readFileSync(outputPath, 'utf8') : input;
        const specPath = path.join(dir, `${caseName}.options.json`);
        const spec: CaseSpec = fs.existsSync(specPath) ? JSON.parse(fs.readFileSync(specPath, 'utf8')) : {};
        const { $path, $transforms, $manual, $options, $service, ...own } = spec;
        const service = $service ? makeService($service, ROOT) : undefined;
        const relPath = $path ?? `src/${caseName}${ext}`;
        const abs = path.posix.join(ROOT, relPath);
        const names = new Set([transformName, ...($transforms ?? [])]);
        const selected = TRANSFORMS.filter((t) => names.has(t.name));
        const optionsByName: Record<string, Options> = {};
        for (const t of selected) {
          optionsByName[t.name] = await optionsFor(t.name, t.name === transformName ? own : ($options?.[t.name] ?? {}), abs, input, service);
        }
        const first = transformFile({ path: abs, relPath, root: ROOT, source: input, service }, selected, optionsByName);
        expect(first.error).toBeUndefined();
        expect(first.output ?? input).toBe(expected);
        if (expected !== input) expect(first.changes[transformName]).toBeGreaterThan(0);
        if ($manual) {
          expect(first.manual.map((m) => m.line)).toEqual($manual.map((m) => m.line));
          $manual.forEach((m, i) => expect(first.manual[i].message).toContain(m.message));
        }
        const second = transformFile({ path: abs, relPath, root: ROOT, source: expected, service }, selected, optionsByName);
        expect(second.error).toBeUndefined();
        expect(second.output ?? expected).toBe(expected);
      });
    }
  });
}
