const express = require('express');
const { client } = require('./http-client');
const { correlationIdMiddleware } = require('./middleware/correlation-id');

const app = express();
app.use(correlationIdMiddleware);
app.get('/stock', async (req, res) => res.json(await client.fetchStock()));
