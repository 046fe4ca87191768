import { connect } from './db.js';

await connect();
console.log('Connected');
console.trace('Pool stats', connect.stats);
console.error('Fatal startup error');
console.info('Ready');
