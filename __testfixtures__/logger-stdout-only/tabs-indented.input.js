const winston = require('winston');

function build() {
	return winston.createLogger({
		transports: [
			new winston.transports.Console(),
			// file
			new winston.transports.File({
				filename: 'a.log',
			}),
		],
	});
}
module.exports = build;
