const express = require('express');

const app = express();

app.get('/health', (req, res) => res.send('ok'));

if (process.env.BIND_DEFAULT) app.listen();
else app.listen(3000, () => (console.log('up')));
