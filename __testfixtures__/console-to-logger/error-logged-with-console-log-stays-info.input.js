const express = require('express');
const winstonLogger = require('./config/logs');

const app = express();

app.use((error, req, res, next) => {
  // console.log printed the stack; the error line below prints the message only.
  console.log(error);
  winstonLogger.error(error);
  res.status(500).json({ error: true, message: error.message });
});

module.exports = app;
