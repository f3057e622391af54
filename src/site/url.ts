import { ogImagePath } from '../lib/og/cards.ts';
import { pathBelowBase, withBase } from '../lib/paths.ts';

/** A page path with the site's base prepended, for links that work under a sub-path. */
export function url(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}

/**
 * What a page's link preview needs: its preview card's URL and a way to make its site paths
 * absolute (previews need absolute URLs; without SITE the paths stay relative to the site).
 */
export function previewUrls(pathname: string, site: URL | undefined) {
  const absolute = (path: string) => (site ? new URL(path, site).href : path);
  const pagePath = pathBelowBase(pathname, import.meta.env.BASE_URL);
  return { absolute, ogImage: absolute(url(ogImagePath(pagePath))) };
}
