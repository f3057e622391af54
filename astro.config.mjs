// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { itinera } from './src/integration.ts';

// Environment settings (all optional):
// SITE / BASE: the public URL and sub-path the report is served from (GitHub Pages, S3 folders).
// ITINERA_CONTENT: the report folder (default `content/`), read by src/content.config.ts.
// ITINERA_OUT_DIR / ITINERA_CACHE_DIR: where to write the site and Astro's cache, so several
// reports can be built side by side (tests, benchmarks).
export default defineConfig({
  site: process.env.SITE || undefined,
  base: process.env.BASE || '/',
  trailingSlash: 'always',
  outDir: process.env.ITINERA_OUT_DIR || './dist',
  cacheDir: process.env.ITINERA_CACHE_DIR || './node_modules/.astro',
  integrations: [itinera(), mdx()],
});
