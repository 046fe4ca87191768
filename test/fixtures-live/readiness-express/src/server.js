'use strict';
const app = require('./app');

const server = app.listen(Number(process.env.PORT || 0), () => {
  console.log(`listening on ${server.address().port}`);
});
