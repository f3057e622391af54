import { stringify } from 'yaml';
import type { ContentFile } from '../../src/lib/import/mermaid/toContent.ts';

/** Report sizes the benchmark builds: journeys and touchpoints, everything else in proportion. */
export const benchSizes = {
  XS: { journeys: 2, touchpoints: 40 },
  S: { journeys: 10, touchpoints: 300 },
  M: { journeys: 50, touchpoints: 1500 },
  L: { journeys: 200, touchpoints: 6000 },
} as const;
export type BenchSize = keyof typeof benchSizes;

/** A small deterministic PRNG (mulberry32), so the same seed gives the same report. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'customer store order online size shoe delivery collect return app email price stock staff queue review search basket payment loyalty club fitting model colour runner family weekend promotion receipt exchange courier parcel invoice newsletter advice'.split(
    ' ',
  );
const STAGE_NAMES = [
  'Awareness',
  'Consideration',
  'Decision',
  'Purchase',
  'Support',
  'Loyalty',
  'Advocacy',
  'Renewal',
];
/** The lifecycle phase of each generated stage, so the heatmap has every journey × phase to draw. */
const STAGE_PHASES = [
  'awareness',
  'consideration',
  'consideration',
  'purchase',
  'support',
  'loyalty',
  'loyalty',
  'loyalty',
];
const CHANNELS = [
  'website',
  'ecommerce',
  'search',
  'ads',
  'social',
  'reviews',
  'email',
  'app',
  'chat',
  'store',
  'call-centre',
  'event',
  'delivery',
  'word-of-mouth',
];

/** A generated file: its path below the content folder and its text. */
export type GeneratedFile = ContentFile;

/** Random choices and words for the generator, all drawn from one seeded sequence. */
interface TextSource {
  random: () => number;
  pick: <T>(items: readonly T[]) => T;
  /** A capitalised sentence of `words` words, ending in a full stop. */
  sentence: (words: number) => string;
  /** `sentences` sentences of 8 to 17 words. */
  paragraph: (sentences: number) => string;
}

function textSource(seed: number): TextSource {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const sentence = (words: number) => {
    const text = Array.from({ length: words }, () => pick(WORDS)).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (sentences: number) =>
    Array.from({ length: sentences }, () => sentence(8 + Math.floor(random() * 10))).join(' ');
  return { random, pick, sentence, paragraph };
}

/** An MDX file: YAML frontmatter, then the body. */
const frontmatter = (data: object, body: string) => `---\n${stringify(data)}---\n\n${body}\n`;

function reportSettingsFile(w: TextSource): GeneratedFile {
  return {
    path: 'report.yaml',
    text: stringify({
      title: 'Benchmark report',
      client: 'Synthetic Retail',
      author: 'Itinera benchmark',
      date: '2026-06-01',
      // Freshness judged on a fixed day, so the generated KPIs don't turn stale with the calendar.
      kpiReferenceDate: '2026-06-30',
      version: '1.0',
      summary: w.paragraph(3),
      researchSources: [
        { id: 'interviews', title: 'Interviews', method: 'interviews', sampleSize: 40 },
        { id: 'analytics', title: 'Web analytics', method: 'web-analytics', sampleSize: 100000 },
        { id: 'survey', title: 'Survey', method: 'survey', sampleSize: 1200 },
      ],
    }),
  };
}

/** Persona `number` (1-based), every field filled. */
function personaFile(w: TextSource, number: number): GeneratedFile {
  const { sentence, pick } = w;
  return {
    path: `personas/persona-${number}.mdx`,
    text: frontmatter(
      {
        name: `Persona ${number}`,
        role: sentence(5),
        quote: sentence(9),
        goals: [sentence(6), sentence(6)],
        needs: [sentence(6)],
        frustrations: [sentence(7), sentence(5)],
        motivations: [sentence(6)],
        preferredChannels: [pick(CHANNELS), pick(CHANNELS)].filter(
          (c, i, all) => all.indexOf(c) === i,
        ),
        empathyMap: {
          thinks: [sentence(6)],
          feels: [sentence(6)],
          sees: [sentence(6)],
          hears: [sentence(6)],
          says: [sentence(6)],
          does: [sentence(6)],
        },
      },
      w.paragraph(3),
    ),
  };
}

/** The fields of the `t`-th of `perJourney` touchpoints, its stage by its place in the journey. */
function touchpointFields(
  w: TextSource,
  t: number,
  perJourney: number,
  stageIds: readonly string[],
) {
  const { sentence, random, pick } = w;
  return {
    title: sentence(5).slice(0, -1),
    stage: stageIds[Math.floor((t * stageIds.length) / perJourney)]!,
    channel: pick(CHANNELS),
    does: sentence(8),
    feels: sentence(9),
    emotion: Math.round((1 + random() * 4) * 10) / 10,
    painPoints: random() < 0.4 ? [sentence(6)] : [],
    opportunities:
      random() < 0.25
        ? [
            {
              title: sentence(6).slice(0, -1),
              customerValue: 1 + Math.floor(random() * 5),
              businessValue: 1 + Math.floor(random() * 5),
              effort: 1 + Math.floor(random() * 5),
            },
          ]
        : [],
    evidence:
      random() < 0.8
        ? [
            {
              source: pick(['interviews', 'analytics', 'survey']),
              strength: pick(['asserted', 'evidenced', 'inferred']),
            },
          ]
        : [],
    momentOfTruth: random() < 0.05,
  };
}

/** Two KPIs per stage of the journey: the first with six months of history, the second with a value only. */
function kpiList(
  w: TextSource,
  journey: string,
  stageIds: readonly string[],
  stageNames: readonly string[],
) {
  const { random, pick } = w;
  return stageIds.flatMap((stage, s) =>
    [0, 1].map((k) => {
      const target = 10 + Math.round(random() * 90);
      const history =
        k === 0
          ? Array.from({ length: 6 }, (_, m) => ({
              date: `2026-0${m + 1}-28`,
              value: Math.round(target * (0.7 + random() * 0.5) * 10) / 10,
            }))
          : [];
      return {
        id: `${journey}-kpi-${s + 1}-${k + 1}`,
        name: `${stageNames[s]} KPI ${k + 1}`,
        stage,
        unit: pick(['%', 'EUR', 's', 'visits']),
        ...(history.length ? {} : { value: Math.round(target * (0.7 + random() * 0.5) * 10) / 10 }),
        target,
        direction: pick(['higher-is-better', 'lower-is-better']),
        history,
      };
    }),
  );
}

/**
 * Journey `number` (1-based) with its stages, `perJourney` touchpoints numbered from
 * `firstTouchpoint` (one in five with its own MDX page, the rest in one YAML list) and KPIs.
 */
function journeyFiles(
  w: TextSource,
  number: number,
  stageNames: readonly string[],
  personaCount: number,
  perJourney: number,
  firstTouchpoint: number,
): GeneratedFile[] {
  const { sentence, paragraph } = w;
  const journey = `journey-${number}`;
  const files: GeneratedFile[] = [
    {
      path: `journeys/${journey}.mdx`,
      text: frontmatter(
        {
          title: `Journey ${number}: ${sentence(4).slice(0, -1)}`,
          personas: [`persona-${((number - 1) % personaCount) + 1}`],
          scenario: sentence(14),
          expectations: [sentence(6), sentence(6)],
          lastReviewed: '2026-05-01',
        },
        paragraph(4),
      ),
    },
  ];
  const stageIds = stageNames.map((name) => name.toLowerCase());
  stageNames.forEach((name, s) => {
    files.push({
      path: `stages/${journey}/${stageIds[s]}.mdx`,
      text: frontmatter(
        { journey, order: s + 1, name, phase: STAGE_PHASES[s], customerGoal: sentence(8) },
        paragraph(2),
      ),
    });
  });
  const listed: object[] = [];
  for (let t = 0; t < perJourney; t++) {
    const id = `tp-${firstTouchpoint + t}`;
    const fields = touchpointFields(w, t, perJourney, stageIds);
    if (t % 5 === 0)
      files.push({
        path: `touchpoints/${journey}/${id}.mdx`,
        text: frontmatter({ journey, ...fields }, paragraph(2)),
      });
    else listed.push({ id, ...fields });
  }
  files.push({
    path: `touchpoints/${journey}/touchpoints.yaml`,
    text: stringify({ journey, touchpoints: listed }),
  });
  files.push({
    path: `kpis/${journey}.yaml`,
    text: stringify({ journey, kpis: kpiList(w, journey, stageIds, stageNames) }),
  });
  return files;
}

/**
 * A synthetic but valid report: personas, journeys of six stages (or `size.stages`), touchpoints spread over
 * stages and channels (one in five with its own MDX page, the rest in YAML lists), pain points,
 * opportunities, evidence, and two KPIs per stage, half with a monthly history.
 */
export function generateReport(
  size: {
    journeys: number;
    touchpoints: number;
    /** Stages per journey, 6 unless given (at most 8). */ stages?: number;
  },
  seed = 42,
): GeneratedFile[] {
  const stageNames = STAGE_NAMES.slice(0, size.stages ?? 6);
  const w = textSource(seed);
  const personaCount = Math.max(3, Math.ceil(size.journeys / 4));
  const perJourney = Math.floor(size.touchpoints / size.journeys);
  return [
    reportSettingsFile(w),
    ...Array.from({ length: personaCount }, (_, p) => personaFile(w, p + 1)),
    ...Array.from({ length: size.journeys }, (_, j) =>
      journeyFiles(w, j + 1, stageNames, personaCount, perJourney, j * perJourney + 1),
    ).flat(),
  ];
}

/** A bare Astro + MDX page of about the same text size as a report page, for the baseline. */
export function baselinePage(index: number, random: () => number): string {
  const words = Array.from({ length: 260 }, () => WORDS[Math.floor(random() * WORDS.length)]).join(
    ' ',
  );
  return `---\nlayout: ../../layouts/Base.astro\ntitle: Page ${index}\n---\n\n# Page ${index}\n\n${words}\n\n- ${words.slice(0, 80)}\n- ${words.slice(80, 160)}\n`;
}
