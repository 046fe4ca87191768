#!/usr/bin/env node
'use strict';
// Each file's tree is garbage once the file is done, yet V8 lets the old generation grow by up to
// 4x its live size between collections; on a large monorepo that made memory grow with the number
// of files. A 50% step keeps the heap near what is live (README, Benchmark). V8 flags are
// process-wide, so the worker threads get it too.
require('node:v8').setFlagsFromString('--heap-growing-percent=50');
require('../dist/src/cli.js').main(process.argv);
