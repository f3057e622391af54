import type { BuildEnvironmentOptions } from 'vite';

type OnWarn = NonNullable<NonNullable<BuildEnvironmentOptions['rolldownOptions']>['onwarn']>;

/**
 * Astro marks every compiled MDX module with a `"use astro:head-inject"` directive for its own
 * bookkeeping; the bundler drops it harmlessly but prints a multi-line warning per MDX file,
 * which buries the warnings an author should read.
 */
export function isHarmlessWarning(warning: { code?: string; message: string }): boolean {
  return warning.code === 'MODULE_LEVEL_DIRECTIVE' && /"use astro:[\w-]+"/.test(warning.message);
}

/** The bundler's `onwarn`: passes every warning on except the harmless ones. */
export const quietHarmlessWarnings: OnWarn = (warning, warn) => {
  if (!isHarmlessWarning(warning)) warn(warning);
};
