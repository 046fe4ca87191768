import http from "node:http";
import express from "express";
import Redis from "ioredis";
import logger from "./lib/logger";
import { loadConfig } from "./config";

let shutdownRegistered = false;

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

	// Orchestrators send SIGTERM before killing the task: finish in-flight work, then exit.
	let shuttingDown = false;

	async function shutdown(signal: NodeJS.Signals): Promise<void> {
		if (shuttingDown) return;
		shuttingDown = true;
		logger.info({ signal }, "Shutting down");
		setTimeout(() => {
			logger.error("Graceful shutdown timed out, forcing exit");
			process.exit(1);
		}, 25000).unref();
		try {
			// Load balancers keep routing here until they see the task draining or gone: keep serving a
			// moment before closing. Ctrl-C (SIGINT) has no load balancer to wait for.
			if (signal === "SIGTERM") await new Promise((resolve) => setTimeout(resolve, 5000));
			await new Promise<void>((resolve, reject) => {
				// Keep-alive sockets outlive their last response and would hold close() until they time out:
				// close them as they fall idle (closeIdleConnections exists since Node 18.2; older typings lack it).
				const closeIdle = setInterval(() => (server as { closeIdleConnections?(): void }).closeIdleConnections?.(), 100);
				server.close((err) => {
					clearInterval(closeIdle);
					if (err) reject(err);
					else resolve();
				});
			});
			await redis.quit();
			process.exit(0);
		} catch (err) {
			logger.error({ err }, "Graceful shutdown failed");
			process.exit(1);
		}
	}

	if (!shutdownRegistered) {
		shutdownRegistered = true;
		process.once("SIGTERM", shutdown);
		process.once("SIGINT", shutdown);
	}
}

main().catch((err) => {
	logger.fatal({ err }, "startup failed");
	process.exit(1);
});
