// Every client request in the benchmarks gives up after this long, so a hung server cannot stretch a run.
export const REQUEST_TIMEOUT_MS = 10_000;
