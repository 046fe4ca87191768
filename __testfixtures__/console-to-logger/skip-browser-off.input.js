import { render } from './render.js';

render();
console.log('rendered');
