// Central configuration, read once at boot.
module.exports = {
  port: Number(process.env.PORT) || 3000,
  bcrypt: {
    saltRounds: 10,
  },
  session: {
    rounds: 10,
    ttlSeconds: 3600,
  },
};
