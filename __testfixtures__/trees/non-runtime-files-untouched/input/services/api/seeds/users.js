console.log('seeding users');
