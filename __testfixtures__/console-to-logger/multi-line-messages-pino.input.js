async function charge(payment, err) {
  console.error(`Charge ${payment.id}
    declined:`, err);
  console.warn(err,
    `while charging
     ${payment.id}`);
  console.info('[payments] charged',
    payment.id,
    payment.amount);
}

module.exports = { charge };
