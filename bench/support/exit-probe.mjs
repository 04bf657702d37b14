// Preloaded into a review (`--import`): prints when the process starts exiting. Registered before
// any logger, so it runs first; what comes after it (exit handlers, thread teardown) is the exit delay.
process.on('exit', () => process.stderr.write(`\nexit-probe ${Date.now()}\n`));
