'use strict';

const express = require('express');
const Redis = require('ioredis');

const redis = new Redis(process.env.REDIS_URL);
const app = express();

app.use(express.json());

app.get('/healthz', (req, res) => res.send('ok'));

app.post('/bookings', async (req, res, next) => {
  const { studentId, trainerId } = req.body;
  console.log('Creating booking for', studentId, 'with trainer', trainerId);
  try {
    await redis.set(`booking:${studentId}`, trainerId);
    res.status(201).json({ studentId, trainerId });
  } catch (error) {
    console.error('Booking failed', error);
    next(error);
  }
});

function start() {
  app.listen(process.env.PORT || 3002, () => console.log('booking-service up'));
}

start();
