import { describe, expect, it } from 'vitest';
import { surelyUnused } from '../src/verify/unused';

const changed = (path: string, original: string, output: string) => ({ path, original, output });
const created = (path: string, output: string) => ({ path, original: null, output });

describe('surelyUnused: created modules no new specifier of the run can name', () => {
  const logger = created('/s/src/logger.ts', "import pino from 'pino';\nimport { getCorrelationId } from './middleware/correlation-id';\nexport const logger = pino();\n");
  const correlation = created('/s/src/middleware/correlation-id.ts', "import { AsyncLocalStorage } from 'node:async_hooks';\nexport function getCorrelationId() {}\n");
  const cases: [string, ReturnType<typeof changed>[], string[]][] = [
    ['a relative import of it', [changed('/s/src/a.ts', 'x();\n', "import { logger } from './logger';\nx();\n")], []],
    ['a require with an extension', [changed('/s/src/a.js', 'x();\n', "const { logger } = require('./logger.js');\nx();\n")], []],
    ['a folder import of an index', [changed('/s/src/a.ts', '', "import { logger } from '../logger/';\n")], []],
    ['an alias only the tsconfig resolves', [changed('/s/src/a.ts', '', "import { logger } from '@/anything';\n")], []],
    ['a deep path (tsconfig paths, baseUrl)', [changed('/s/src/a.ts', '', "import { logger } from 'src/logger';\n")], []],
    ['`..`: any module', [changed('/s/src/a/b.ts', '', "import { logger } from '..';\n")], []],
    ['no new specifier at all', [changed('/s/src/a.ts', 'x();\n', 'y();\n')], ['/s/src/logger.ts', '/s/src/middleware/correlation-id.ts']],
    ['only packages and builtins', [changed('/s/src/a.ts', '', "import pino from 'pino';\nimport fs from 'node:fs';\nimport x from '@scope/pkg';\n")], ['/s/src/logger.ts', '/s/src/middleware/correlation-id.ts']],
    ['an import whose text was already there (in a string, a comment) still counts', [changed('/s/src/a.ts', "// import { logger } from './logger';\n", "import { logger } from './logger';\n")], []],
    ['only the correlation module imported: the logger is unused', [changed('/s/src/app.ts', '', "import { correlationId } from './middleware/correlation-id';\n")], ['/s/src/logger.ts']],
  ];
  for (const [what, writes, unused] of cases)
    it(what, () => {
      expect([...surelyUnused([...writes, logger, correlation])].sort()).toEqual(unused);
    });

  it('a created module is used through another used one (the logger imports the correlation module)', () => {
    const app = changed('/s/src/a.ts', '', "import { logger } from './logger';\n");
    expect([...surelyUnused([app, logger, correlation])]).toEqual([]);
    expect([...surelyUnused([app, { ...logger, output: "import pino from 'pino';\nexport const logger = pino();\n" }, correlation])]).toEqual(['/s/src/middleware/correlation-id.ts']);
  });
});
