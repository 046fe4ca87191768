import { renderToString } from 'preact-render-to-string';
import { h } from 'preact';

export function renderPage(user) {
  console.log('Rendering page for', user.id);
  return renderToString(<main>{user.name}</main>);
}
