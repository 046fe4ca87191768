import express from "express"
import { inventoryRouter } from "./routes/inventory.js"
import { correlationIdMiddleware } from "./middleware/correlation-id.js"

const app = express()
app.use(correlationIdMiddleware)

app.use(express.json())
app.use("/inventory", inventoryRouter)

app.listen(process.env.PORT ?? 3000)
