var winston = require('winston');

winston.remove(winston.transports.Console);

module.exports = winston;
