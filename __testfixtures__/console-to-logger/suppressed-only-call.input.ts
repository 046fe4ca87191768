export function banner() {
  // shipshape-ignore-next-line
  console.log('=== started ===');
}
