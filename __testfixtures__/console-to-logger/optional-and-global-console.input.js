const { worker } = require('./worker');

console.log?.('Worker booting');
console?.info('Worker booted');
globalThis.console.warn('Queue is slow', worker.lag);
global.console.error('Worker crashed');
if (typeof window !== 'undefined') window.console.log('never on the server');
