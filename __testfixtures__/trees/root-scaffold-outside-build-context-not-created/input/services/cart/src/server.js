const express = require('express');

const app = express();

app.get('/cart', (req, res) => {
  console.log('cart read', req.query.user);
  res.json([]);
});

app.listen(3000, () => console.log('cart listening on 3000'));
