const axios = require('axios');
const http = require('http');
const { getCorrelationId } = require('./middleware/correlation-id');

async function users() {
  const res = await axios.get(process.env.USERS_URL + '/users');
  return res.data;
}

async function stock(sku) {
  const res = await fetch(`${process.env.STOCK_URL}/stock/${sku}`);
  return res.json();
}

async function prices() {
  const res = await fetch(process.env.PRICES_URL, { headers: { 'x-correlation-id': getCorrelationId() } });
  return res.json();
}

function ping(cb) {
  http.get('http://billing:3000/health', (res) => cb(res.statusCode));
}

module.exports = { users, stock, prices, ping };
