const express = require('express');

const app = express();
app.get('/cart', (req, res) => res.json([]));
app.listen(3000);
