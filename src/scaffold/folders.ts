import path from 'node:path';
import { isDir } from '../fleet/read';

/** What projects call their folder of HTTP middleware; with both, the first (an earlier run's scaffold lives there). */
const MIDDLEWARE_FOLDERS = ['middleware', 'middlewares'];

/**
 * The folder under `parent` a scaffolded middleware goes in: the project's own when it has one
 * (node-express-boilerplate keeps its middleware in `src/middlewares`), else `middleware`.
 */
export function middlewareFolder(parent: string): string {
  return path.join(parent, MIDDLEWARE_FOLDERS.find((name) => isDir(path.join(parent, name))) ?? MIDDLEWARE_FOLDERS[0]);
}
