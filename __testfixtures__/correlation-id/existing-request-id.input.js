const express = require('express');
const addRequestId = require('express-request-id')();

const app = express();

app.use(addRequestId);
app.use(express.json());

app.listen(3000);
