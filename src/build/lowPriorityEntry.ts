import { setPriority } from 'node:os';
import { argv, platform } from 'node:process';

// The entry of every background worker (see lowPriority.ts). Its module is imported only once the
// thread runs at the lowest priority: Node loads and compiles a module's static imports before
// any of them runs, and for the card worker that loading (satori, HarfBuzz, the fonts) is most
// of its start-up.
if (platform === 'linux') setPriority(19);
await import(argv.at(-1)!);
