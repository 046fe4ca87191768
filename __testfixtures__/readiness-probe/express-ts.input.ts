import express from 'express';

export const app = express();
app.set('trust proxy', true);
app.use(express.json());

const port = Number(process.env.PORT ?? 3000);
app.listen(port, () => {
  console.log(`listening on ${port}`);
});
