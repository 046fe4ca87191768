const { hash, genSalt } = require('bcryptjs')
const express = require('express')

const router = express.Router()

router.post('/users', async (req, res, next) => {
  try {
    const salt = await genSalt(10)
    const password = await hash(req.body.password, salt)
    res.status(201).json({ email: req.body.email, password })
  } catch (err) {
    next(err)
  }
})

router.post('/reset', async (req, res) => {
  const password = await hash(req.body.password, 10) // keep in sync with signup
  res.json({ ok: Boolean(password) })
})

module.exports = router
