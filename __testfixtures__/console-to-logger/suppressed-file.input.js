/* shipshape-ignore-file console-to-logger */
console.log('a command-line script: stdout is its output');
console.log('done');
