const { load } = require('./config');

load().catch((err) => {
  console.error(err);
});
load().then((config) => console.log(config, config.env));
