const express = require('express');

const app = express();

app
  .listen(3000, () => console.log('listening'))
  .on('error', (err) => {
    console.error('cannot listen', err);
    process.exit(1);
  });
