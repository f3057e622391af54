import { contrastRatio, ensureContrast, parseHex, toHex, type Rgb } from './color.ts';
import { seriesColors as paletteColors } from './charts/palette.ts';
import type { BrandingData } from './schema/branding.ts';

export const DEFAULT_PRIMARY = '#1d4e89';
export const DEFAULT_ACCENT = '#0b57b0';
const WHITE: Rgb = [255, 255, 255];
/** WCAG AA for normal text: white header text on the primary colour, accent links on white. */
export const AA_TEXT = 4.5;

export interface BrandColor {
  /** As written in the report. */
  authored: string;
  /** What the site uses: the authored colour, or a shade of it with AA contrast. */
  used: string;
  /** Contrast of the authored colour against white. */
  contrast: number;
  adjusted: boolean;
}

export interface Branding {
  primary: BrandColor;
  accent: BrandColor;
  /** CSS font-family stack. */
  fontStack: string;
  font: BrandingData['font'];
  /** Chart series colours: the brand's, each with at least 3:1 against white (WCAG non-text contrast), no two alike. */
  seriesColors: string[];
  logo?: string;
  logoAlt?: string;
  footerText?: string;
}

function brandColor(authored: string, minimum: number): BrandColor {
  const rgb = parseHex(authored)!;
  const used = toHex(ensureContrast(rgb, WHITE, minimum));
  return {
    authored,
    used,
    contrast: contrastRatio(rgb, WHITE),
    adjusted: used.toLowerCase() !== toHex(rgb).toLowerCase(),
  };
}

/**
 * Distance in RGB space below which two series colours read as the same line; the default
 * primary and accent (#1d4e89 and #0b57b0) are 44 apart.
 */
const SERIES_DISTANCE = 60;

function distinctColors(candidates: readonly string[]): string[] {
  const distance = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
  const kept: string[] = [];
  for (const color of candidates)
    if (kept.every((k) => distance(parseHex(k)!, parseHex(color)!) >= SERIES_DISTANCE))
      kept.push(color);
  return kept;
}

const fontStacks: Record<BrandingData['font'], string> = {
  system: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  inter: "'Inter', system-ui, sans-serif",
  serif: "Georgia, 'Iowan Old Style', 'Times New Roman', serif",
};

/** The report's branding with every colour made safe to use. */
export function resolveBranding(branding: BrandingData | undefined): Branding {
  const primary = brandColor(branding?.primaryColor ?? DEFAULT_PRIMARY, AA_TEXT);
  const accent = brandColor(branding?.accentColor ?? DEFAULT_ACCENT, AA_TEXT);
  const font = branding?.font ?? 'system';
  return {
    primary,
    accent,
    font,
    fontStack: fontStacks[font],
    seriesColors: distinctColors([primary.used, accent.used, ...paletteColors.slice(1)]),
    logo: branding?.logo,
    logoAlt: branding?.logoAlt,
    footerText: branding?.footerText,
  };
}

/** Where the build publishes the logo (the integration copies it there), relative to the base. */
export function logoPath(logo: string): string {
  return `brand/logo${logo.slice(logo.lastIndexOf('.'))}`;
}

/** The page style that applies the brand: colours (already adjusted for contrast) and font. */
export function brandStyle(branding: Branding): string {
  return `:root:root{--color-primary:${branding.primary.used};--color-link:light-dark(${branding.accent.used},#8ab4f8);--font-body:${branding.fontStack}}`;
}
