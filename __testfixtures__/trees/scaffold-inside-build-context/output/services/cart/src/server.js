const express = require('express');
const { logger } = require('./logger.js');
const { correlationIdMiddleware } = require('./middleware/correlation-id');

const app = express();
app.use(correlationIdMiddleware);

app.get('/cart', (req, res) => {
  logger.info('cart read', { user: req.query.user });
  res.json([]);
});

app.listen(3000, () => logger.info('cart listening on 3000'));
