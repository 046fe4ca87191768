import React from 'react';

export function Button() {
  console.log('render');
  return <button>Go</button>;
}
