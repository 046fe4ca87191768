import express from 'express';
import rTracer from 'cls-rtracer';

const app = express();
app.use(express.json());
app.use(rTracer.expressMiddleware({ useHeader: true, headerName: 'X-Request-Id' }));

export default app;
