import type { BuildEnvironmentOptions } from 'vite';

type OnLog = NonNullable<NonNullable<BuildEnvironmentOptions['rolldownOptions']>['onLog']>;

/**
 * Astro marks every compiled MDX module with a `"use astro:head-inject"` directive for its own
 * bookkeeping; the bundler drops it harmlessly but prints a multi-line warning per MDX file,
 * which buries the warnings an author should read.
 */
export function isHarmlessWarning(warning: { code?: string; message: string }): boolean {
  return warning.code === 'MODULE_LEVEL_DIRECTIVE' && /"use astro:[\w-]+"/.test(warning.message);
}

/** The bundler's `onLog`: passes every message on except the harmless warnings. */
export const quietHarmlessWarnings: OnLog = (level, log, handler) => {
  if (level === 'warn' && isHarmlessWarning(log)) return;
  handler(level, log);
};
