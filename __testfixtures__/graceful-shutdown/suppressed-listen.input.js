const express = require('express');

const app = express();
app.get('/', (req, res) => res.send('hi'));
// shipshape-ignore-next-line graceful-shutdown -- the platform stops this one
app.listen(3000);
