'use strict';
const express = require('express');
const redis = require('./redis');
const { logger } = require('./lib/logger');

async function book(studentId, trainerId) {
  logger.info('Creating booking for {studentId} with trainer {trainerId}', { studentId, trainerId });
  logger.info('Booking stored in redis');
  await redis.set(studentId, trainerId);
}

module.exports = { book };
