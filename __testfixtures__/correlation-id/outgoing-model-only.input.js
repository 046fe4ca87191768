const express = require('express');
const { client } = require('./http-client');

const app = express();
app.get('/stock', async (req, res) => res.json(await client.fetchStock()));
