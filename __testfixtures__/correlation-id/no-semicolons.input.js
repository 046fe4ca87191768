import express from "express"
import { inventoryRouter } from "./routes/inventory.js"

const app = express()

app.use(express.json())
app.use("/inventory", inventoryRouter)

app.listen(process.env.PORT ?? 3000)
