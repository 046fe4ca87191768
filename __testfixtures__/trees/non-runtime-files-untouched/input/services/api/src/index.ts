import { total } from './util';
console.log('total', total([1, 2]));
