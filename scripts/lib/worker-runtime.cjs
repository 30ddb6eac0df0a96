'use strict';

/**
 * The worker process's memory settings, the same wherever LawGate starts it (`npm start`, the tests' stacks, the
 * benchmarks; docker-compose.yml repeats them for deployments): V8's old space at 192 MB and its young generation's
 * semi-spaces at 4 MB, glibc at two malloc arenas. With them the worker stays under 300 MB with 10 000 procedures
 * waiting on people (272 MB; 488 MB without them), and still indexes the text of a 10 MB document (docs/benchmarks.md,
 * "Worker memory"). `WORKER_NODE_OPTIONS` replaces the Node options, `MALLOC_ARENA_MAX` the arenas.
 */
const WORKER_NODE_OPTIONS = '--max-old-space-size=192 --max-semi-space-size=4';
const WORKER_MALLOC_ARENA_MAX = '2';

/** The environment entries the worker process starts with, given the environment it is started from. */
function workerRuntimeEnv(env = process.env) {
  return {
    NODE_OPTIONS: env.WORKER_NODE_OPTIONS ?? WORKER_NODE_OPTIONS,
    MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? WORKER_MALLOC_ARENA_MAX,
  };
}

module.exports = { WORKER_NODE_OPTIONS, WORKER_MALLOC_ARENA_MAX, workerRuntimeEnv };
