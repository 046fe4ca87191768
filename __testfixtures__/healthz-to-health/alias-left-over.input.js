const express = require('express');
const app = express();

app.get(['/health', '/healthz'], (req, res) => res.send('ok'));
