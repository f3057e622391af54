import { platform } from 'node:process';
import { setPriority } from 'node:os';

/**
 * Imported first by the card and data-file workers: gives the thread the lowest CPU priority.
 * They work beside Astro, whose main thread, bundler threads and file writes the build waits on;
 * at S a card worker's start-up alone delayed Astro's content sync by 0.6 s. A thread at the
 * lowest priority still gets every core that nothing else wants. Linux only: there the nice value
 * belongs to the calling thread, elsewhere to the whole process.
 */
if (platform === 'linux') setPriority(19);
