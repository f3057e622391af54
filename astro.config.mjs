// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { itinera } from './src/integration.ts';

// SITE and BASE let one build serve from a domain root or a sub-path (GitHub Pages, S3 folders).
export default defineConfig({
  site: process.env.SITE || undefined,
  base: process.env.BASE || '/',
  trailingSlash: 'always',
  integrations: [itinera(), mdx()],
});
