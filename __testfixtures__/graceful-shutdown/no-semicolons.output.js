import express from "express"
import { Pool } from "pg"

const pool = new Pool()
const app = express()

app.get("/users", async (req, res) => {
    const { rows } = await pool.query("select id, name from users")
    res.json(rows)
})

const server = app.listen(3000, () => {
    console.log("users api on 3000")
})

// Orchestrators send SIGTERM before killing the task: finish in-flight work, then exit.
let shuttingDown = false

async function shutdown(signal) {
    if (shuttingDown) return
    shuttingDown = true
    console.info(`${signal} received, shutting down`)
    setTimeout(() => {
        console.error("Graceful shutdown timed out, forcing exit")
        process.exit(1)
    }, 30000).unref()
    try {
        await new Promise((resolve, reject) => {
            // Keep-alive sockets outlive their last response and would hold close() until they time out:
            // close them as they fall idle (closeIdleConnections exists since Node 18.2).
            const closeIdle = setInterval(() => server.closeIdleConnections?.(), 100)
            server.close((err) => {
                clearInterval(closeIdle)
                if (err) reject(err)
                else resolve()
            })
        })
        await pool.end()
        process.exit(0)
    } catch (err) {
        console.error("Graceful shutdown failed", err)
        process.exit(1)
    }
}

process.once("SIGTERM", shutdown)
process.once("SIGINT", shutdown)
