import { Booking } from './booking';

export function book(b: Booking) {
  console.log('Creating booking for', b.studentId, 'with trainer', b.trainerId);
}
