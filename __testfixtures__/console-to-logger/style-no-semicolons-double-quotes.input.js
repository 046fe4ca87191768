import express from "express"
import { db } from "./db.js"

const app = express()

app.get("/users", async (req, res) => {
  const users = await db.users()
  console.log("[Users] Listing users:", users.length)
  res.json(users)
})

app.listen(3000, () => console.log("Listening"))
