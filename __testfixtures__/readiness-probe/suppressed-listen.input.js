'use strict';
const express = require('express');

const app = express();
app.get('/health', (req, res) => res.json({ status: 'ok' }));

// shipshape-ignore-next-line
app.listen(process.env.PORT || 3000);
