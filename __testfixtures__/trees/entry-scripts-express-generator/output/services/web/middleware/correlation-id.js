/**
 * Correlation IDs: every request carries one ID across services, so its logs can be followed.
 * The ID comes from the incoming header when it is well-formed, otherwise a new UUID; it is echoed in
 * the response, set as req.correlationId, and readable anywhere below the middleware with
 * getCorrelationId() (services, loggers, outgoing HTTP clients).
 * Created by shipshape's correlation-id transform: yours to change.
 */
'use strict';

const { AsyncLocalStorage } = require('async_hooks');
const { randomBytes } = require('crypto');

const CORRELATION_ID_HEADER = 'x-correlation-id';

// Only short IDs of safe characters are trusted: anything else could inject newlines or huge values
// into the logs that print it.
const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const storage = new AsyncLocalStorage();

// A random (version 4) UUID from randomBytes: crypto.randomUUID is missing from older Node typings.
function newId() {
  const bytes = randomBytes(16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The correlation ID of the request being handled, or undefined outside a request.
 * @returns {string | undefined}
 */
function getCorrelationId() {
  return storage.getStore();
}

/** @type {import('express').RequestHandler} */
function correlationIdMiddleware(req, res, next) {
  // A sub-app mounted behind the same middleware keeps the ID the outer app chose.
  const incoming = req.get(CORRELATION_ID_HEADER);
  const id = req.correlationId ?? (incoming !== undefined && VALID_ID.test(incoming) ? incoming : newId());
  req.correlationId = id;
  res.setHeader(CORRELATION_ID_HEADER, id);
  // A closure, not `next` itself: run's overloads differ between @types/node versions.
  storage.run(id, () => next());
}

module.exports = { correlationIdMiddleware, getCorrelationId, CORRELATION_ID_HEADER };
