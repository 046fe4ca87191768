'use strict';
const express = require('express');
const { validate } = require('./validate');

const router = express.Router();

router.post('/bookings', (req, res, next) => {
  const errors = validate(req.body);
  if (errors.length) {
    console.warn('Invalid booking:', errors, req.body.studentId);
    return res.status(400).json({ errors });
  }
  next();
});

module.exports = router;
