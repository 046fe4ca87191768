const express = require('express');
const winston = require('winston');
const { transports, format } = winston;
const { File, Console } = transports;

const logger = winston.createLogger({
  format: format.json(),
  transports: [new File({ filename: 'combined.log' })]
});

if (process.env.NODE_ENV !== 'production') {
  logger.add(new Console({ format: format.simple() }));
}

if (process.env.LOG_ERRORS_TO_FILE) {
  logger.add(new File({ filename: 'error.log', level: 'error' }));
}

const app = express();
app.get('/health', (req, res) => res.json({ ok: true }));
app.listen(3000, () => logger.info('listening'));
