import { start } from './server';

start().then(console.info, console.error);
