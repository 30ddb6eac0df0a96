import { DefaultLogger, Runtime } from '@temporalio/worker';

// Worker state changes are INFO logs; tests only need warnings and errors.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // already installed in this process
}
