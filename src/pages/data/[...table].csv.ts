import { dataFileRoute } from '../../site/dataFileRoutes.ts';

/** `/data/…/<table>.csv` in `astro dev` (see src/site/dataFileRoutes.ts). */
const route = dataFileRoute('csv');
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
