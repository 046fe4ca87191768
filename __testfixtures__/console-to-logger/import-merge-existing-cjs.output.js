const express = require('express');
const { correlationIdMiddleware, logger } = require('@acme/shared');

const app = express();
app.use(correlationIdMiddleware());
logger.info('Gateway ready');
