import { dataFileRoute } from '../../site/dataFileRoutes.ts';

/** `/data/…/<table>.json` in `astro dev` (see src/site/dataFileRoutes.ts). */
const route = dataFileRoute('json');
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
