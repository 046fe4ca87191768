import express from 'express';
import './tracing'; // must be first: patches express as it loads

const app = express();
app.get('/', (_req, res) => res.send('ok'));
export default app;
