export class Orders {
  async createOrder(order: { id: string }) {
    try {
      await save(order);
    } catch (error) {
      console.error(error);
    }
    console.log(order);
  }
}

export const cancelOrder = async (id: string) => {
  console.info(id);
};

process.on('uncaughtException', (err) => {
  console.error(err);
});

declare function save(o: unknown): Promise<void>;
