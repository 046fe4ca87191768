const Pool = require('pg-pool')

function createPool(database) {
	const pool = new Pool({
		database,
		ssl: false,
		maxUses: 7500,
		max: Number(process.env.PG_POOL_MAX ?? 10),
		idleTimeoutMillis: 30000,
		connectionTimeoutMillis: 2000
	})
	return pool
}

const shared = new Pool({ max: Number(process.env.PG_POOL_MAX ?? 10), idleTimeoutMillis: 30000, connectionTimeoutMillis: 2000 })

module.exports = { createPool, shared }
