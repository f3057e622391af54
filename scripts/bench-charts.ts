/**
 * `npm run bench:charts`: how long rendering every chart of a 60-touchpoint journey takes
 * (timeline, compact timeline, emotion curve with two personas, 7 KPI sparklines), and the
 * journey map canvas on its own (curve layout and the standalone SVG with 12 lanes).
 * `-- --runs N` times N runs instead of 500 (the test suite runs a few, to keep the script working).
 */
import { parseArgs } from 'node:util';
import { layoutCanvasCurve } from '../src/lib/canvas/curve.ts';
import { buildCanvasSvg, type CanvasSvgLane } from '../src/lib/canvas/svg.ts';
import { buildEmotionCurve } from '../src/lib/charts/emotionCurve.ts';
import { buildSparkline } from '../src/lib/charts/sparkline.ts';
import { buildJourneyTimeline, type TimelineMark } from '../src/lib/charts/timeline.ts';
import { english } from '../src/lib/i18n/index.ts';

const scale = {
  min: 1,
  max: 5,
  labels: [
    { score: 1, label: 'Frustrated' },
    { score: 3, label: 'Neutral' },
    { score: 5, label: 'Delighted' },
  ],
};
const stages = [
  'Awareness',
  'Consideration',
  'Decision',
  'Purchase',
  'Delivery',
  'Support',
  'Loyalty',
].map((name, i) => ({ id: `s${i}`, name }));
const lanes = [
  'website',
  'ecommerce',
  'email',
  'social',
  'store',
  'call-centre',
  'chat',
  'delivery',
].map((id, i) => ({
  id,
  name: id,
  kind: i < 4 || i === 6 ? ('online' as const) : ('offline' as const),
}));
// A deterministic spread of scores: no randomness, so runs compare.
const marks: TimelineMark[] = Array.from({ length: 60 }, (_, i) => ({
  id: `t${i}`,
  title: `Touchpoint number ${i} with a fairly long descriptive title & "quotes"`,
  stageId: stages[Math.floor((i * stages.length) / 60)]!.id,
  laneId: lanes[(i * 5) % lanes.length]!.id,
  score: 1 + ((i * 37) % 41) / 10,
  href: `/touchpoints/t${i}/`,
  momentOfTruth: i % 11 === 0,
  painPoints: i % 3,
}));
const points = marks.map((m) => ({ id: m.id, label: m.title, stageId: m.stageId, score: m.score }));
const history = Array.from({ length: 12 }, (_, i) => ({
  date: new Date(Date.UTC(2026, i, 28)),
  value: 50 + ((i * 7) % 13),
}));

function renderAll(): number {
  let bytes = 0;
  bytes += buildJourneyTimeline({
    id: 'timeline',
    title: 'Timeline',
    stages,
    lanes,
    marks,
    scale,
    t: english,
  }).svg.length;
  bytes += buildJourneyTimeline({
    id: 'timeline-compact',
    title: 'Timeline',
    stages,
    lanes,
    marks,
    scale,
    compact: true,
    t: english,
  }).svg.length;
  bytes += buildEmotionCurve({
    id: 'curve',
    title: 'Curve',
    stages,
    scale,
    t: english,
    series: [
      { name: 'Giulia', points },
      { name: 'Marco', points: points.map((p) => ({ ...p, score: Math.max(1, p.score - 0.5) })) },
    ],
  }).svg.length;
  for (let k = 0; k < 7; k++)
    bytes += buildSparkline({
      id: `spark-${k}`,
      title: 'KPI',
      samples: history,
      target: 60,
      formatValue: String,
      t: english,
    }).svg.length;
  return bytes;
}

const canvasStages = stages.map((s) => ({
  id: s.id,
  touchpoints: marks.filter((m) => m.stageId === s.id).map((m) => m.id),
}));
const canvasLanes: CanvasSvgLane[] = [
  'Touchpoints',
  'Doing',
  'Thinking',
  'Feeling',
  'Emotion curve',
  'Pain points',
  'Opportunities',
  'KPIs',
  'Frontstage',
  'Line of visibility',
  'Backstage',
  'Support',
].map((label, l) => ({
  id: `lane-${l}`,
  label,
  kind: l === 4 ? 'curve' : l === 9 ? 'visibility' : 'text',
  cells:
    l === 4 || l === 9
      ? []
      : canvasStages.map((s) => s.touchpoints.map((id) => `${id}: ${marks[l]!.title}`)),
}));

function renderCanvas(): number {
  const curve = layoutCanvasCurve({
    stages: canvasStages,
    scale,
    series: [
      { name: 'Giulia', scores: new Map(points.map((p) => [p.id, p.score])) },
      {
        name: 'Marco',
        scores: new Map(
          points.filter((_, i) => i % 4 !== 0).map((p) => [p.id, Math.max(1, p.score - 0.5)]),
        ),
      },
    ],
  });
  const stageNames = stages.map((s) => ({
    ...s,
    goal: 'Find the right shoe without a second trip',
  }));
  return buildCanvasSvg({
    id: 'canvas',
    title: 'Canvas',
    description: 'Canvas',
    stages: stageNames,
    lanes: canvasLanes,
    curve,
    colors: ['#1d4e89', '#b8460b'],
    primary: '#1d4e89',
  }).length;
}

const { values } = parseArgs({ options: { runs: { type: 'string', default: '500' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`✗ --runs must be a whole number above 0 (found "${values.runs}").`);
  process.exit(1);
}

function measure(label: string, render: () => number): void {
  const warmup = Math.min(50, runs);
  for (let i = 0; i < warmup; i++) render();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    bytes = render();
    times.push(performance.now() - start);
    if ((i + 1) % 100 === 0 || i + 1 === runs)
      process.stderr.write(`  ${label}: ${i + 1}/${runs} runs\r`);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / runs;
  console.log(`\n${label} (${runs} runs after ${warmup} warm-up, Node ${process.version}):`);
  console.log(
    `  mean ${mean.toFixed(2)} ms · median ${times[Math.floor(runs / 2)]!.toFixed(2)} ms · p95 ${times[Math.floor(runs * 0.95)]!.toFixed(2)} ms · ${(bytes / 1024).toFixed(1)} KiB of SVG`,
  );
}

measure('All charts of a 60-touchpoint journey', renderAll);
measure(
  'The journey map canvas of a 60-touchpoint journey (curve layout + SVG export)',
  renderCanvas,
);
