import express from 'express';
import { correlationIdMiddleware } from '@acme/shared';

const app = express();
app.use(correlationIdMiddleware());
console.log('Gateway ready');
