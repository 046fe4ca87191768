const bcrypt = require('bcryptjs');

const TEN = 10;

exports.hashToken = (token) => bcrypt.hashSync(token, TEN);
exports.firstPage = (items) => items.slice(0, TEN);
