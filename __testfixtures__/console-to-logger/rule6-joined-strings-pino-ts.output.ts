import { Booking } from './booking';
import { logger } from './lib/logger';

export function book(b: Booking) {
  logger.info({ studentId: b.studentId, trainerId: b.trainerId }, 'Creating booking for {studentId} with trainer {trainerId}');
}
