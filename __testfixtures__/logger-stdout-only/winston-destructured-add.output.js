const express = require('express');
const winston = require('winston');
const { transports, format } = winston;
const { Console } = transports;

const logger = winston.createLogger({
  format: format.json(),
  transports: [new Console()]
});

if (process.env.NODE_ENV !== 'production') {
  logger.add(new Console({ format: format.simple() }));
}

const app = express();
app.get('/health', (req, res) => res.json({ ok: true }));
app.listen(3000, () => logger.info('listening'));
