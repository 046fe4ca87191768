'use strict';
const express = require('express');
const { validate } = require('./validate');
const { logger } = require('./lib/logger');

const router = express.Router();

router.post('/bookings', (req, res, next) => {
  const errors = validate(req.body);
  if (errors.length) {
    logger.warn('Invalid booking', { errors, studentId: req.body.studentId, correlationId: req.correlationId });
    return res.status(400).json({ errors });
  }
  next();
});

module.exports = router;
