import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');

/** A full garbage collection of this thread's heap (V8's `gc()`, exposed at run time). */
export const collectGarbage = runInNewContext('gc') as () => void;
