const { Pool } = require('pg');

// Nothing listens: the worker polls a queue table.
const pool = new Pool({ host: '127.0.0.1', port: 1 });
pool.on('error', () => {});
let polls = 0;
setInterval(() => polls++, 100);
process.on('exit', (code) => console.log(`exit ${code}, pool ended: ${pool.ended}`));
console.log('worker started');
