'use strict';
const express = require('express');

const app = express();
app.use(express.json());

app.get('/health', (req, res) => res.json({ status: 'ok' }));

app.get('/users', (req, res) => res.json([]));

app.listen(process.env.PORT || 3000);
