const axios = require('axios');

const inventory = axios.create({ baseURL: process.env.INVENTORY_URL });

module.exports = { inventory };
