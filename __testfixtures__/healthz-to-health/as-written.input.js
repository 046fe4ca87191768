const express = require('express');
const app = express();

// Only the path changes: the literal keeps its double quotes, the call its lines.
app.get(
  "/healthz",
  (req, res) => res.send(`status:
    ok`),
);
app.all('/healthz/deep',   deepCheck)

app.use((req, res, next) => {
  if (/^\/healthz(\/.*)?$/i.test(req.path)) return next();
  const probe = `http://localhost:${process.env.PORT}/healthz`;
  return next();
});

module.exports = app
