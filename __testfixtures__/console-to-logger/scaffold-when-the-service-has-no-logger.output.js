const express = require('express');
const { logger } = require('./logger.js');

const app = express();
app.listen(3000, () => logger.info('Listening on', { arg2: 3000 }));
