import { renderToString } from 'preact-render-to-string';
import { h } from 'preact';
import { logger } from './lib/logger';

export function renderPage(user) {
  logger.info('Rendering page for', { id: user.id });
  return renderToString(<main>{user.name}</main>);
}
