import express from "express"
import { Pool } from "pg"

const pool = new Pool()
const app = express()

app.get("/users", async (req, res) => {
    const { rows } = await pool.query("select id, name from users")
    res.json(rows)
})

app.listen(3000, () => {
    console.log("users api on 3000")
})
