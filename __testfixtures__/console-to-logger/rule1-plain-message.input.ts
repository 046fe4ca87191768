import express from 'express';
import { db } from './db';

const app = express();

console.log('Service started');
console.info('Connected to database');
console.warn('Cache disabled');
console.error('Shutting down');
console.debug('Config loaded');
console.trace('Entering handler setup');

export default app;
