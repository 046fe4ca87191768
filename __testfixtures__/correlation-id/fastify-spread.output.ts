import Fastify from 'fastify';
import { baseOptions } from './config';

const app = Fastify({ requestIdHeader: 'x-request-id', ...baseOptions, logger: true });

export default app;
