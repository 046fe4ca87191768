import { describe, expect, it } from 'vitest';
import { execute } from '../src/runner/run';
import { tempTree } from './helpers/cli';

describe('zero-config: a transform that cannot decide for a service leaves only itself out', () => {
  it('correlation-id without a module to import (scaffold turned off) is one manual item; console-to-logger still migrates the service', async () => {
    const dir = tempTree({
      'package.json': JSON.stringify({ name: 'fleet', private: true, workspaces: ['services/*'] }),
      'services/cart/package.json': JSON.stringify({ name: 'cart', main: 'server.js', dependencies: { express: '^4.18.0' } }),
      'services/cart/server.js': "const express = require('express');\n\nconst app = express();\napp.get('/cart', (req, res) => res.json([]));\napp.listen(3000, () => console.log('cart listening on', 3000));\n",
    });
    const { report, exitCode } = await execute({ cwd: dir, transforms: ['console-to-logger', 'correlation-id'], transformOptions: { 'correlation-id': { scaffold: false } }, jobs: 1 });
    expect(exitCode).toBe(0);
    const server = report.files.find((f) => f.path === 'services/cart/server.js')!;
    expect(server.status).toBe('changed');
    expect(server.changes).toEqual({ 'console-to-logger': 1 });
    const items = report.files.flatMap((f) => f.manual.map((m) => ({ ...m, path: f.path })));
    expect(items).toContainEqual(expect.objectContaining({ path: 'services/cart/package.json', transform: 'correlation-id', message: expect.stringContaining('correlation-id was not applied (its other transforms were)') }));
  });
});
