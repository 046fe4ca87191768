import { logger } from './lib/logger';
export function book(studentId: string, trainerId: string, slot: { day: string }) {
  logger.info('Creating booking for {studentId} with trainer {trainerId}', { studentId, trainerId });
  logger.info('{studentId} booked {slot} on {day}', { studentId, slot, day: slot.day });
  logger.info('Booked {studentId} {trainerId} for {day}', { studentId, trainerId, day: slot.day });
  logger.info('Slot', { slot });
}
