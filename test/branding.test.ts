import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveBranding } from '../src/lib/branding.ts';
import { contrastRatio, ensureContrast, parseHex, toHex } from '../src/lib/color.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { buildSite, copyFixture, readPage } from './helpers/build.ts';
import { parseSvg } from './helpers/svg.ts';

const WHITE = parseHex('#fff')!;

describe('colour contrast', () => {
  it('computes WCAG ratios', () => {
    expect(contrastRatio(parseHex('#000000')!, WHITE)).toBeCloseTo(21, 5);
    expect(contrastRatio(parseHex('#777777')!, WHITE)).toBeCloseTo(4.48, 2);
    expect(contrastRatio(parseHex('#1d4e89')!, WHITE)).toBeGreaterThan(4.5);
  });

  it('keeps a colour that passes and darkens one that fails just enough', () => {
    expect(toHex(ensureContrast(parseHex('#1d4e89')!, WHITE, 4.5))).toBe('#1d4e89');
    const yellow = ensureContrast(parseHex('#ffcc00')!, WHITE, 4.5);
    expect(contrastRatio(yellow, WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(yellow, WHITE)).toBeLessThan(5);
  });
});

describe('branding', () => {
  it('uses the brand colours as they are when they pass, adjusted when they fail', () => {
    const ok = resolveBranding({ primaryColor: '#7a1f5c', font: 'serif' });
    expect(ok.primary).toMatchObject({ used: '#7a1f5c', adjusted: false });
    expect(ok.fontStack).toContain('Georgia');
    expect(ok.seriesColors[0]).toBe('#7a1f5c');
    const low = resolveBranding({ primaryColor: '#ffcc00', accentColor: '#9ad', font: 'system' });
    expect(low.primary.adjusted).toBe(true);
    expect(low.accent.adjusted).toBe(true);
    expect(contrastRatio(parseHex(low.primary.used)!, WHITE)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives every chart series a colour clearly unlike the others (the default accent is too close to the primary)', () => {
    const distance = (a: string, b: string) =>
      Math.hypot(...parseHex(a)!.map((c, i) => c - parseHex(b)![i]!));
    for (const branding of [
      resolveBranding(undefined),
      resolveBranding({ primaryColor: '#1d4e89', accentColor: '#1a5a9a', font: 'system' }),
    ]) {
      expect(branding.seriesColors[0]).toBe(branding.primary.used);
      expect(branding.seriesColors.length).toBeGreaterThanOrEqual(4);
      for (const [i, a] of branding.seriesColors.entries())
        for (const b of branding.seriesColors.slice(i + 1))
          expect(distance(a, b), `${a} vs ${b}`).toBeGreaterThanOrEqual(60);
    }
    expect(resolveBranding(undefined).seriesColors).not.toContain('#0b57b0');
    expect(
      resolveBranding({ primaryColor: '#1d4e89', accentColor: '#b3006b', font: 'system' })
        .seriesColors[1],
    ).toBe('#b3006b');
  });

  it('warns about a low-contrast brand colour at its line, naming the adjusted colour', () => {
    const dir = copyFixture();
    writeFileSync(
      join(dir, 'report.yaml'),
      readFileSync(join(dir, 'report.yaml'), 'utf8').replace(
        'summary:',
        'branding:\n  primaryColor: "#ffcc00"\nsummary:',
      ),
    );
    const { problems, ok } = validateContent(dir, dir);
    const used = resolveBranding({ primaryColor: '#ffcc00', font: 'system' }).primary.used;
    expect(ok).toBe(true);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'report.yaml',
        line: 7,
        field: 'branding.primaryColor',
        message: expect.stringMatching(
          /^the brand colour has too little contrast with white \(1\.\d\d:1; WCAG AA needs 4\.5:1\)$/,
        ),
        hint: `Itinera uses the adjusted shade ${used}; write that colour to make this warning go away`,
      }),
    ]);
  });

  it('brings the brand colours, font, logo and footer to the site, the charts and the preview cards', () => {
    const dir = copyFixture();
    writeFileSync(
      join(dir, 'logo.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="40"><rect width="80" height="40" fill="#7a1f5c"/></svg>',
    );
    writeFileSync(
      join(dir, 'report.yaml'),
      readFileSync(join(dir, 'report.yaml'), 'utf8').replace(
        'summary:',
        'branding:\n  primaryColor: "#7a1f5c"\n  accentColor: "#ffcc00"\n  font: inter\n  logo: ./logo.svg\n  logoAlt: Fixture Shoes logo\n  footerText: Confidential\nsummary:',
      ),
    );
    const build = buildSite(dir);
    expect(build.status, build.output).toBe(0);
    const accent = resolveBranding({ accentColor: '#ffcc00', font: 'system' }).accent.used;
    const home = readPage(build.outDir, '');
    expect(home).toContain(
      `:root:root{--color-primary:#7a1f5c;--color-link:light-dark(${accent},#8ab4f8);--font-body:'Inter'`,
    );
    expect(home).toContain('<img class="site-logo" src="/brand/logo.svg" alt="Fixture Shoes logo"');
    expect(readFileSync(join(build.outDir, 'brand/logo.svg'), 'utf8')).toContain('#7a1f5c');
    expect(home).toContain('<p>Confidential</p>');
    const curve = parseSvg(readPage(build.outDir, 'journeys/shoe-shop/')).find(
      (e) => e.attributes.class === 'canvas__path',
    )!;
    expect(curve.attributes.stroke).toBe('#7a1f5c');
    const matrixMark = parseSvg(readPage(build.outDir, 'opportunities/')).find(
      (e) => e.attributes.class === 'chart-mark__shape',
    )!;
    expect(matrixMark.attributes.fill).toBe('#7a1f5c');
    // The preview card's brand band: the PNG is paletted or RGB; the colour is in its pixels.
    expect(build.output).toMatch(/preview cards: \d+ pages, \d+ rendered/);
  });
});
