const express = require('express');
const { fetchRates } = require('./rates');

fetchRates().then(console.log).catch(console.error);
process.on('unhandledRejection', console.error.bind(console));
const warn = console.warn;

const app = express();
app.get('/rates', (req, res) => {
  fetchRates().catch(console.error);
  res.end();
});

module.exports = { app, warn };
