const express = require('express');

const app = express();

app.get('/users/:id', (req, res) => {
  console.log('user read', req.params.id);
  res.json({ id: req.params.id });
});

app.listen(3001, () => console.log('user-service on 3001'));
