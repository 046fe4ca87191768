'use strict';

export async function start(config) {
  console.info('Starting with', config.port);
}
