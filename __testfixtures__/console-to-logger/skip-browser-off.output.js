import { render } from './render.js';
import { logger } from '../src/lib/logger.js';

render();
logger.info('rendered');
