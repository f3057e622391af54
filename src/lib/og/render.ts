import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import type { KpiStatus } from '../kpi.ts';
import type { OgCard } from './cards.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
/** Bump when the card layout changes, so cached cards are drawn again. */
const LAYOUT_VERSION = '2';

const require = createRequire(import.meta.url);
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;

/** Inter from @fontsource (WOFF: satori reads TTF, OTF and WOFF, not WOFF2), Latin and Latin Extended. */
function loadFonts() {
  fonts ??= (['latin', 'latin-ext'] as const).flatMap((subset) =>
    ([400, 700] as const).map((weight) => ({
      name: 'Inter',
      data: readFileSync(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`)),
      weight,
      style: 'normal' as const,
    })),
  );
  return fonts;
}

const statusStyle: Record<KpiStatus, { symbol: string; color: string }> = {
  met: { symbol: '✓', color: '#0f6e3a' },
  'at-risk': { symbol: '!', color: '#7a4b00' },
  missed: { symbol: '✗', color: '#a1261a' },
};

type Node = { type: string; props: Record<string, unknown> };
const h = (type: string, style: Record<string, unknown>, ...children: (Node | string | false | undefined)[]): Node => ({
  type,
  props: { style, children: children.filter((c) => c !== false && c !== undefined) },
});

function clamp(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The card as satori's element tree: a brand band, the entity, and its picture or figures. */
export function cardTree(card: OgCard): Node {
  const figure = card.curveSvg
    ? h('img', { width: 1040, height: 200, objectFit: 'contain' }, false)
    : card.kpis
      ? h(
          'div',
          { display: 'flex', gap: 24 },
          ...card.kpis.map(({ status, label, count }) =>
            h(
              'div',
              { display: 'flex', flexDirection: 'column', border: '2px solid #d0d7de', borderRadius: 12, padding: '12px 24px' },
              h('div', { fontSize: 48, fontWeight: 700 }, String(count)),
              h('div', { fontSize: 24, color: statusStyle[status].color }, `${statusStyle[status].symbol} ${label}`),
            ),
          ),
        )
      : undefined;
  if (figure && card.curveSvg) figure.props.src = `data:image/svg+xml;base64,${Buffer.from(card.curveSvg).toString('base64')}`;
  return h(
    'div',
    { width: OG_WIDTH, height: OG_HEIGHT, display: 'flex', flexDirection: 'column', background: '#ffffff', fontFamily: 'Inter', color: '#1b1f24' },
    h('div', { display: 'flex', justifyContent: 'space-between', alignItems: 'center', background: card.brandColor, color: '#ffffff', padding: '28px 56px', fontSize: 28 }, h('div', { fontWeight: 700 }, clamp(card.reportTitle, 60)), h('div', {}, clamp(card.client, 40))),
    h(
      'div',
      { display: 'flex', flexDirection: 'column', padding: '40px 56px', gap: 16, flexGrow: 1 },
      h('div', { fontSize: 26, color: '#4d5761', textTransform: 'uppercase', letterSpacing: 2 }, clamp(card.kind, 70)),
      h('div', { fontSize: 60, fontWeight: 700, lineHeight: 1.1 }, clamp(card.title, 90)),
      card.subtitle !== undefined && h('div', { fontSize: 28, color: '#4d5761' }, clamp(card.subtitle, 160)),
      card.quote !== undefined && h('div', { fontSize: 30, fontStyle: 'italic', borderLeft: `6px solid ${card.brandColor}`, paddingLeft: 20 }, clamp(`“${card.quote}”`, 140)),
      figure,
    ),
  );
}

/** Renders a card to PNG with satori (layout to SVG) and resvg (SVG to PNG). */
export async function renderCard(card: OgCard): Promise<Buffer> {
  const svg = await satori(cardTree(card) as unknown as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts: loadFonts() });
  return new Resvg(svg, { fitTo: { mode: 'width', value: OG_WIDTH } }).render().asPng();
}

export function cardHash(card: OgCard): string {
  return createHash('sha256').update(LAYOUT_VERSION).update(JSON.stringify(card)).digest('hex').slice(0, 32);
}

/** A card from the cache folder when its inputs are unchanged, else rendered and cached. */
export async function cachedCard(card: OgCard, cacheDir: string, render: (card: OgCard) => Promise<Buffer> = renderCard): Promise<{ png: Buffer; rendered: boolean }> {
  const file = join(cacheDir, `${cardHash(card)}.png`);
  if (existsSync(file)) return { png: readFileSync(file), rendered: false };
  const png = await render(card);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(file, png);
  return { png, rendered: true };
}
