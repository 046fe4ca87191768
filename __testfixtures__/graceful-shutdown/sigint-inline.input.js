const express = require('express');

const app = express();
const server = app.listen(3000);

process.on('SIGINT', () => {
  console.log('bye');
  server.close(() => process.exit(0));
});
