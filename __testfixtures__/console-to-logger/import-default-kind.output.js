const express = require('express');
const log = require('./lib/logger');

const app = express();
app.listen(3000, () => {
  log.info('Listening on 3000');
});
