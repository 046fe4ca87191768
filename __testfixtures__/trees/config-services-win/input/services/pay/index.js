console.log('pay up');
