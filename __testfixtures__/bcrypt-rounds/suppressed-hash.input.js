const { hash } = require('bcryptjs')

async function signup(password) {
  return hash(password, 8)
}

async function legacy(password) {
  // shipshape-ignore-next-line bcrypt-rounds -- verified against a store with 8 rounds
  return hash(password, 8)
}

module.exports = { signup, legacy }
