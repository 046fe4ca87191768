const express = require('express');
const { correlationIdMiddleware } = require('./lib/correlation-id');

const admin = express();
admin.get('/dashboard', (req, res) => res.send('ok'));

const app = express();
app.use(correlationIdMiddleware);
app.use(express.json());
app.use('/admin', admin);

app.listen(8080);
