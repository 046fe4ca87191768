'use strict';
const express = require('express');
const healthz = require('./healthz');
const { checkDb } = require('../lib/healthz/checks');

const HEALTH_PATH = '/health';
const router = express.Router();

router.get(HEALTH_PATH, async (req, res) => {
  const ok = await checkDb();
  res.status(ok ? 200 : 503).json({ ok });
});

router.get('/health/ready', healthz.ready);
router.get('/healthz.json', healthz.json);

module.exports = { router, HEALTH_PATH };
