console.log('cart up');
