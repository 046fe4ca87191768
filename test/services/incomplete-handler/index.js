const express = require('express');
require('./telemetry');

const app = express();
app.get('/slow', (req, res) => {
  setTimeout(() => res.json({ status: 'done' }), Number(req.query.ms));
});

const server = app.listen(Number(process.env.PORT || 0), () => console.log(`listening on ${server.address().port}`));
