import { staticPathsOf, type RouteName } from '../lib/routes.ts';
import { getReport } from './report.ts';

/** A page file's getStaticPaths: the pages of its page type, as the route registry lists them. */
export async function staticPaths(route: RouteName) {
  return staticPathsOf(route, await getReport());
}
