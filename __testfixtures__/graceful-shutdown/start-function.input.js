'use strict';

const express = require('express');
const Redis = require('ioredis');

const redis = new Redis(process.env.REDIS_URL);
const app = express();

app.use(express.json());

app.post('/bookings', async (req, res, next) => {
  try {
    await redis.set(`booking:${req.body.studentId}`, req.body.trainerId);
    res.status(201).json(req.body);
  } catch (error) {
    next(error);
  }
});

function start() {
  app.listen(process.env.PORT || 3002, () => console.log('booking-service up'));
}

start();
