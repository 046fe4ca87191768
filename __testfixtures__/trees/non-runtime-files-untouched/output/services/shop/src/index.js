console.log('browser bundle');
