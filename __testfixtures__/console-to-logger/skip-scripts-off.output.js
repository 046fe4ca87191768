const db = require('../src/db');
const { logger } = require('../src/lib/logger');

db.seed().then(() => logger.info('Seeded'));
