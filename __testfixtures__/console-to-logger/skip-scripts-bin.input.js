console.log('usage: cli <cmd>');
