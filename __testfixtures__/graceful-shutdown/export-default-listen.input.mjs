import express from 'express';

const app = express();
app.get('/', (req, res) => res.send('hi'));

export default app.listen(process.env.PORT || 3000);
