import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPageLinks, findBrokenLinks } from './helpers/linkCheck.ts';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'itinera-links-'));
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

describe('extractPageLinks', () => {
  it('collects hrefs, srcs and ids', () => {
    const page = extractPageLinks(
      '<a href="/a/">A</a><img src="/x.png" alt=""><h2 id="top">T</h2><svg><use href="#icon"/></svg>',
    );
    expect(page.links).toEqual(['/a/', '/x.png', '#icon']);
    expect([...page.ids]).toEqual(['top']);
  });
});

describe('findBrokenLinks', () => {
  it('accepts links to pages, files and anchors that exist', () => {
    const dir = site({
      'index.html':
        '<a href="/a/">a</a><a href="a/#part">part</a><a href="https://example.com/">ext</a><a href="mailto:x@y.z">m</a>',
      'a/index.html': '<p id="part">x</p><a href="../">home</a><img src="/logo.svg" alt="">',
      'logo.svg': '<svg/>',
    });
    expect(findBrokenLinks(dir)).toEqual([]);
  });

  it('reports a missing page, a missing anchor and a link outside the base', () => {
    const dir = site({
      'index.html':
        '<a href="/sub/missing/">x</a><a href="/sub/#nowhere">y</a><a href="/elsewhere/">z</a>',
    });
    expect(findBrokenLinks(dir, '/sub/')).toEqual([
      { page: 'index.html', href: '/sub/missing/', reason: 'no such page or file' },
      { page: 'index.html', href: '/sub/#nowhere', reason: 'no element with id "nowhere"' },
      { page: 'index.html', href: '/elsewhere/', reason: "outside the site's base /sub/" },
    ]);
  });
});
