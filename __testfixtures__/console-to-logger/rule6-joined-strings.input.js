'use strict';
const express = require('express');
const redis = require('./redis');

async function book(studentId, trainerId) {
  console.log('Creating booking for', studentId, 'with trainer', trainerId);
  console.log('Booking', 'stored', 'in redis');
  await redis.set(studentId, trainerId);
}

module.exports = { book };
