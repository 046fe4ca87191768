function retry(fn, attempts) {
  console.log('Retrying', attempts);
  return fn();
}

module.exports = retry;
