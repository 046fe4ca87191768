const express = require('express');

const app = express();
// Request logging used to be console.log here; the access log now comes from the proxy.
app.get('/orders', (req, res) => res.json([]));

const server = app.listen(process.env.PORT || 3000);
module.exports = server;
