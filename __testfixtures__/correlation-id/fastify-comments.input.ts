import { config } from 'dotenv'
import Fastify, { FastifyInstance } from 'fastify'

config()

// Fastify instance
const server: FastifyInstance = Fastify({
  logger: {
    transport: {
      target: 'pino-pretty',
      options: {
        colorize: true,
      }
    }
  }
})

export function buildServer(cfg: { logLevel: string }): FastifyInstance {
  const app = Fastify({
    logger:
      cfg.logLevel === 'silent'
        ? false
        : {
            level: cfg.logLevel,
            // Never log credentials.
            redact: ['req.headers.authorization'],
          },
    bodyLimit: 1024, // small bodies only
  })
  return app;
}

export default server
