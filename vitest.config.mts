import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Every shipshape the tests start keeps its verification cache in one folder of this test run,
// never in the user's ~/.cache: results do not leak between runs of the suite.
process.env.SHIPSHAPE_CACHE_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-test-cache-'));

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // CI also keeps a JSON summary, from which .ci/run prints a plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.vitest-results.json' },
  },
});
