import { withBase } from '../lib/paths.ts';

/** A page path with the site's base prepended, for links that work under a sub-path. */
export function url(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}
