const { Router } = require('express');
const { logger } = require('./lib/logger');

const router = Router();

router.get('/users/:id', (req, res) => {
  logger.info('Fetching user', { id: req.params.id, correlationId: req.get('x-request-id') });
  res.json({});
});

module.exports = router;
