const express = require('express');

const admin = express();
admin.get('/dashboard', (req, res) => res.send('ok'));

const app = express();
app.use(express.json());
app.use('/admin', admin);

app.listen(8080);
