const db = require('../src/db');

db.seed().then(() => console.log('Seeded'));
