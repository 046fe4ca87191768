const express = require('express');
const app = express();

// Only the path changes: the literal keeps its double quotes, the call its lines.
app.get(
  "/health",
  (req, res) => res.send(`status:
    ok`),
);
app.all('/health/deep',   deepCheck)

app.use((req, res, next) => {
  if (/^\/health(\/.*)?$/i.test(req.path)) return next();
  const probe = `http://localhost:${process.env.PORT}/health`;
  return next();
});

module.exports = app
