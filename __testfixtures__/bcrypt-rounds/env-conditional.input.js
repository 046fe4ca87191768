const mongoose = require('mongoose');
const bcrypt = require('bcryptjs');
const { env } = require('../../config/vars');

const userSchema = new mongoose.Schema({ email: String, password: String });

userSchema.pre('save', async function save(next) {
  if (!this.isModified('password')) return next();
  const rounds = env === 'test' ? 1 : 10;
  this.password = await bcrypt.hash(this.password, rounds);
  return next();
});

module.exports = mongoose.model('User', userSchema);
