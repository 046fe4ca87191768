export function book(studentId: string, trainerId: string, slot: { day: string }) {
  console.log('Creating booking for', studentId, 'with trainer', trainerId);
  console.log(studentId, 'booked', slot, 'on', slot.day);
  console.log('Booked', { studentId, trainerId }, 'for', slot.day);
  console.log('Slot:', slot);
}
