const winston = require('winston');

function build() {
	return winston.createLogger({
		transports: [
			new winston.transports.Console(),
		],
	});
}
module.exports = build;
