const { queue } = require('./queue');

function drain() {
  console.log('Drained', (queue.flush(), queue.size), this, arguments, NaN);
  console.log('Tagged', String.raw`a\nb`, -1, typeof queue);
  console.log('It\'s [done]', 'x');
  console.log('Tabs\there:', queue.name);
}

module.exports = drain;
