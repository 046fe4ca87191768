import { describe, it } from 'vitest';
import { runTreeCase, treeCases } from './helpers/tree';

describe('fixture trees (a repository in, the expected repository out, run twice)', () => {
  for (const name of treeCases()) it(name, () => runTreeCase(name), 60_000);
});
