import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Parser } from 'htmlparser2';
import { htmlFiles } from '../../src/build/pages.ts';

/** What one built page links to and which anchors it offers. */
export interface PageLinks {
  /** URLs from href/src attributes, as written. */
  links: string[];
  /** Every id on the page (anchor targets). */
  ids: Set<string>;
}

export interface BrokenLink {
  /** Page that holds the link, relative to the site folder. */
  page: string;
  href: string;
  reason: string;
}

const LINK_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  link: ['href'],
  img: ['src'],
  script: ['src'],
  source: ['src'],
  use: ['href'],
};

/** Links and ids of one HTML document. */
export function extractPageLinks(html: string): PageLinks {
  const links: string[] = [];
  const ids = new Set<string>();
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (attributes.id) ids.add(attributes.id);
        if (name === 'a' && attributes.name) ids.add(attributes.name);
        for (const attribute of LINK_ATTRIBUTES[name] ?? []) {
          const value = attributes[attribute];
          if (value !== undefined) links.push(value);
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return { links, ids };
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** The file a site path is served from, as static hosts resolve it (`/a/` → `a/index.html`). */
function fileForPath(siteDir: string, path: string): string | undefined {
  const clean = decodeURIComponent(path).replace(/^\/+/, '');
  const candidates =
    clean === '' || clean.endsWith('/')
      ? [join(clean, 'index.html')]
      : [clean, join(clean, 'index.html'), `${clean}.html`];
  for (const candidate of candidates) {
    const full = join(siteDir, candidate);
    if (existsSync(full) && statSync(full).isFile()) return full;
  }
  return undefined;
}

/**
 * Crawls every HTML file of a built site and lists internal links and anchors that lead
 * nowhere. `base` is the sub-path the site is served from (`/` or `/reports/acme/`).
 */
export function findBrokenLinks(siteDir: string, base = '/'): BrokenLink[] {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const pages = new Map<string, PageLinks>();
  const pageOf = (file: string) => {
    let page = pages.get(file);
    if (!page) {
      page = extractPageLinks(readFileSync(file, 'utf8'));
      pages.set(file, page);
    }
    return page;
  };
  const broken: BrokenLink[] = [];
  for (const file of htmlFiles(siteDir)) {
    const page = relative(siteDir, file).split(sep).join('/');
    // The URL the page is served at, for resolving relative links.
    const pageUrl = new URL(
      `${prefix}${page.replace(/(^|\/)index\.html$/, '$1')}`,
      'http://site.invalid',
    );
    for (const href of pageOf(file).links) {
      if (EXTERNAL.test(href) && !href.startsWith('http://site.invalid')) continue;
      const target = new URL(href, pageUrl);
      if (!target.pathname.startsWith(prefix)) {
        broken.push({ page, href, reason: `outside the site's base ${prefix}` });
        continue;
      }
      const targetFile = fileForPath(siteDir, target.pathname.slice(prefix.length));
      if (!targetFile) {
        broken.push({ page, href, reason: 'no such page or file' });
        continue;
      }
      const anchor = decodeURIComponent(target.hash.slice(1));
      if (anchor && targetFile.endsWith('.html') && !pageOf(targetFile).ids.has(anchor)) {
        broken.push({ page, href, reason: `no element with id "${anchor}"` });
      }
    }
  }
  return broken;
}
