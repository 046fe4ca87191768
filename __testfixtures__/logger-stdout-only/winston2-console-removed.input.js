var winston = require('winston');

winston.remove(winston.transports.Console);
winston.add(winston.transports.File, { filename: '/var/log/worker.log', json: false });

module.exports = winston;
