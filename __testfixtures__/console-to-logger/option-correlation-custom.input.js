const { Router } = require('express');

const router = Router();

router.get('/users/:id', (req, res) => {
  console.log('Fetching user', req.params.id);
  res.json({});
});

module.exports = router;
