/**
 * The service's structured logger: one JSON object per line on stdout, with level, message and
 * metadata; Errors keep their message and stack.
 * Created by shipshape (console-to-logger): yours to change.
 */
const { getCorrelationId } = require('./middleware/correlation-id');
const RANK = { error: 0, warn: 1, info: 2, debug: 3 };
const threshold = RANK[process.env.LOG_LEVEL] ?? RANK.info;

// JSON.stringify prints an Error as {}: its message and stack are not own enumerable properties.
function serialise(value) {
  return value instanceof Error ? { ...value, name: value.name, message: value.message, stack: value.stack } : value;
}

function write(level, message, meta) {
  if (RANK[level] > threshold) return;
  const record = { time: new Date().toISOString(), level };
  if (message instanceof Error) {
    record.message = message.message;
    record.error = serialise(message);
  } else record.message = message;
  // Object.keys, not Object.entries: services compiled for ES5/ES2015 libs type-check this too.
  const extra = meta ?? {};
  for (const key of Object.keys(extra)) if (!(key in record)) record[key] = serialise(extra[key]);
  const correlationId = getCorrelationId();
  if (correlationId !== undefined && record.correlationId === undefined) record.correlationId = correlationId;
  let line;
  try {
    line = JSON.stringify(record);
  } catch {
    // A circular value: keep what can be printed rather than losing the line.
    const flat = { ...record };
    for (const key of Object.keys(extra)) flat[key] = String(extra[key]);
    line = JSON.stringify(flat);
  }
  process.stdout.write(line + '\n');
}

const logger = {
  error: (message, meta) => write('error', message, meta),
  warn: (message, meta) => write('warn', message, meta),
  info: (message, meta) => write('info', message, meta),
  debug: (message, meta) => write('debug', message, meta),
};

module.exports = { logger };
