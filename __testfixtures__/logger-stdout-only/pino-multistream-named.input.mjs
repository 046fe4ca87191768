import { pino, destination, multistream } from 'pino';
import fs from 'node:fs';

const streams = [
  { stream: process.stdout },
  { level: 'error', stream: destination({ dest: './logs/error.log', sync: false }) },
];

export const logger = pino({ level: 'info' }, multistream(streams));

export const legacy = pino({ name: 'legacy' }, fs.createWriteStream('./logs/legacy.log', { flags: 'a' }));
