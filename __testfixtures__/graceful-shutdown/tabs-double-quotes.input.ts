import http from "node:http";
import express from "express";
import Redis from "ioredis";
import logger from "./lib/logger";
import { loadConfig } from "./config";

async function main(): Promise<void> {
	const config = await loadConfig();
	const redis = new Redis(config.redisUrl);
	const app = express();
	app.get("/sessions/:id", async (req, res) => {
		res.json(JSON.parse((await redis.get(req.params.id)) ?? "null"));
	});

	const server = http.createServer(app);
	server.listen(config.port, () => {
		logger.info({ port: config.port }, "sessions listening");
	});
}

main().catch((err) => {
	logger.fatal({ err }, "startup failed");
	process.exit(1);
});
