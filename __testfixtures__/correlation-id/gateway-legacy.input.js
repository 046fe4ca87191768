const { legacyCreateProxyMiddleware, createProxyMiddleware } = require('http-proxy-middleware');
const handlers = require('./proxy-handlers');

module.exports = function setupProxy(app) {
  app.use('/old', legacyCreateProxyMiddleware({ target: 'http://old:3000' }));
  app.use('/new', createProxyMiddleware({ target: 'http://new:3000', on: handlers }));
};
