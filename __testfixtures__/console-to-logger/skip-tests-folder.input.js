console.log('in test');
