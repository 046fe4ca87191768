const express = require('express');
const app = express();

app.get("/health", (req, res) => res.send("it's \"ok\"\n"));
app.get('/health/deep', deepCheck);
