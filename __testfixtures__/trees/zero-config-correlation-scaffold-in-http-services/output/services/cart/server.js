const express = require('express');
const { correlationIdMiddleware } = require('./middleware/correlation-id');

const app = express();
app.use(correlationIdMiddleware);
app.get('/cart', (req, res) => res.json([]));
app.listen(3000);
