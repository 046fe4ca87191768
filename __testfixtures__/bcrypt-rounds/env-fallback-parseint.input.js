'use strict';

const bcrypt = require('bcrypt');
const { User } = require('../models');

// Cost factor; override per environment.
const saltRounds = parseInt(process.env.BCRYPT_SALT_ROUNDS || '10', 10);
const pageSize = parseInt(process.env.PAGE_SIZE || '10', 10);

async function register(req, res) {
  const { email, password } = req.body;
  const passwordHash = await bcrypt.hash(password, saltRounds);
  const user = await User.create({ email, passwordHash });
  res.status(201).json({ id: user.id });
}

module.exports = { register, pageSize };
