import express from "express"
import { db } from "./db.js"
import { logger } from "./lib/logger.js"

const app = express()

app.get("/users", async (req, res) => {
  const users = await db.users()
  logger.info("Listing users", { length: users.length, correlationId: req.correlationId })
  res.json(users)
})

app.listen(3000, () => logger.info("Listening"))
