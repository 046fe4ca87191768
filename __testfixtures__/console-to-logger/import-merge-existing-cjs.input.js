const express = require('express');
const { correlationIdMiddleware } = require('@acme/shared');

const app = express();
app.use(correlationIdMiddleware());
console.log('Gateway ready');
