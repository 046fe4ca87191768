"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
function total(xs) {
    console.debug('summing', xs.length);
    return xs.reduce((a, b) => a + b, 0);
}
exports.total = total;
