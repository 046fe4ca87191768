const express = require('express');
const app = express();

app.get("/healthz", (req, res) => res.send("it's \"ok\"\n"));
app.get('/health\u007a/deep', deepCheck);
