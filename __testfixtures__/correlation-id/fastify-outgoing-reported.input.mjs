import Fastify from 'fastify';
import axios from 'axios';

const app = Fastify({ logger: true });

app.get('/orders/:id', async (request) => {
  const { data } = await axios.get(`http://inventory:3000/items/${request.params.id}`);
  return data;
});

await app.listen({ port: 3000 });
