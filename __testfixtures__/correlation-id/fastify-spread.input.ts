import Fastify from 'fastify';
import { baseOptions } from './config';

const app = Fastify({ ...baseOptions, logger: true });

export default app;
