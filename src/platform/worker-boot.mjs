// Starts a TypeScript worker thread: worker threads do not inherit the TypeScript loader of the process
// (`node --import tsx`), so it is registered here before the worker's own module is imported.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
