import fs from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { resolveOptions } from '../src/config/options';
import { transformFile } from '../src/engine/transform-file';
import { findTransform, TRANSFORMS } from '../transforms';
const ROOT = '/virtual/repo';
it.skipIf(!process.env.REGEN)('regen', async () => {
  const name = process.env.REGEN!;
  const dir = path.join(__dirname, '..', '__testfixtures__', name);
  for (const inputFile of fs.readdirSync(dir).filter((f) => /\.input(\.|$)/.test(f))) {
    const caseName = inputFile.replace(/\.input(\..*)?$/, '');
    const ext = inputFile.slice(inputFile.indexOf('.input') + 6);
    const outputPath = path.join(dir, `${caseName}.output${ext}`);
    if (!fs.existsSync(outputPath)) continue;
    const spec = fs.existsSync(path.join(dir, `${caseName}.options.json`)) ? JSON.parse(fs.readFileSync(path.join(dir, `${caseName}.options.json`), 'utf8')) : {};
    const { $path, $transforms, $manual, $options, ...own } = spec;
    const relPath = $path ?? `src/${caseName}${ext}`;
    const abs = path.posix.join(ROOT, relPath);
    const input = fs.readFileSync(path.join(dir, inputFile), 'utf8');
    const names = new Set([name, ...($transforms ?? [])]);
    const selected = TRANSFORMS.filter((t) => names.has(t.name));
    const o: any = {};
    for (const t of selected) {
      let options = resolveOptions(t, t.name === name ? own : ($options?.[t.name] ?? {}), 'x');
      if (t.prepare) options = await t.prepare({ cwd: ROOT, root: ROOT, files: [abs], options, read: () => input });
      o[t.name] = options;
    }
    const r = transformFile({ path: abs, relPath, root: ROOT, source: input }, selected, o);
    if (r.output) fs.writeFileSync(outputPath, r.output);
  }
});
