const express = require('express');
const { registerGracefulShutdown } = require('@acme/service-kit');

const app = express();
const server = app.listen(3000);
registerGracefulShutdown(server, { timeoutMs: 30000 });
