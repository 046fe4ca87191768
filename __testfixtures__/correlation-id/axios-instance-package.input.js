const axios = require('axios');

const api = axios.create({ baseURL: 'http://inventory:3000' });

module.exports = api;
