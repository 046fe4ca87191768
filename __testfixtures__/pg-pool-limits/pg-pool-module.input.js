const Pool = require('pg-pool')

function createPool(database) {
    const pool = new Pool({
        database,
        ssl: false,
        maxUses: 7500
    })
    return pool
}

const shared = new Pool({})

module.exports = { createPool, shared }
