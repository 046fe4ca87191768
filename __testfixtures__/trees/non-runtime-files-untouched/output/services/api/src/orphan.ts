console.log('nobody imports me');
