const express = require('express');
const { logger } = require('./logger.js');
const { correlationIdMiddleware } = require('./middleware/correlation-id');

const app = express();
app.use(correlationIdMiddleware);

app.get('/users/:id', (req, res) => {
  logger.info('user read', { id: req.params.id });
  res.json({ id: req.params.id });
});

app.listen(3001, () => logger.info('user-service on 3001'));
