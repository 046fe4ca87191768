const express = require('express');
const { connectDb } = require('./db');

const app = express();

connectDb().then(() => app.listen(process.env.PORT || 3000));
