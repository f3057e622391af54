import { Parser } from 'htmlparser2';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { anchors } from '../src/lib/anchors.ts';
import { htmlFiles } from '../src/build/pages.ts';
import { resolveReport, type Journey, type ResolvedReport } from '../src/lib/model.ts';
import { paths } from '../src/lib/paths.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { exampleContent, projectRoot, readPage } from './helpers/build.ts';
import { exampleSite } from './helpers/sharedBuild.ts';

interface AnchorLink {
  kind: string;
  href: string;
  label: string | undefined;
}

/** How often each id occurs on a page, and its "#" anchor links. */
function anchorsOn(html: string): { idCounts: Map<string, number>; links: AnchorLink[] } {
  const idCounts = new Map<string, number>();
  const links: AnchorLink[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (attributes.id) idCounts.set(attributes.id, (idCounts.get(attributes.id) ?? 0) + 1);
        if (name === 'a' && attributes['data-anchor-link'] !== undefined) {
          links.push({
            kind: attributes['data-anchor-link'],
            href: attributes.href ?? '',
            label: attributes['aria-label'],
          });
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return { idCounts, links };
}

/** The anchor ids a journey's page must offer a "#" link to, by kind. */
function expectedAnchors(journey: Journey): Record<string, string[]> {
  const touchpoints = journey.stages.flatMap((stage) => stage.touchpoints);
  return {
    stage: journey.stages.map((stage) => anchors.stage(journey.id, stage.id)),
    touchpoint: touchpoints.map((tp) => anchors.touchpoint(tp.id)),
    painPoint: touchpoints.flatMap((tp) =>
      tp.painPoints.map((_, i) => anchors.painPoint(tp.id, i)),
    ),
    opportunity: touchpoints.flatMap((tp) => tp.opportunities.map((o) => o.anchor)),
    kpi: journey.stages.flatMap((stage) => stage.kpis.map((kpi) => anchors.kpi(kpi.id))),
  };
}

describe('anchor links in the built example report', () => {
  const outDir = exampleSite();
  let report: ResolvedReport;

  beforeAll(() => {
    report = resolveReport(validateContent(exampleContent, projectRoot).sources!);
  });

  it('points every "#" link at an id that occurs exactly once on its page, with a name saying what it links to', () => {
    const problems: string[] = [];
    let count = 0;
    for (const file of htmlFiles(outDir)) {
      const page = relative(outDir, file);
      const { idCounts, links } = anchorsOn(readFileSync(file, 'utf8'));
      const targets = new Set<string>();
      for (const link of links) {
        count++;
        const id = decodeURIComponent(link.href.replace(/^#/, ''));
        if (!link.href.startsWith('#') || idCounts.get(id) !== 1)
          problems.push(`${page}: ${link.href} matches ${idCounts.get(id) ?? 0} ids`);
        if (targets.has(id)) problems.push(`${page}: two "#" links to ${id}`);
        targets.add(id);
        if (!link.label?.includes('Link to this'))
          problems.push(`${page}: ${link.href} has no accessible name ("${link.label}")`);
      }
    }
    expect(problems).toEqual([]);
    expect(count).toBeGreaterThan(50);
  });

  it('gives every stage, touchpoint, pain point, opportunity and KPI of a journey a "#" link on the journey page', () => {
    for (const journey of report.journeys) {
      const { links } = anchorsOn(readPage(outDir, paths.journey(journey.id)));
      const expected = expectedAnchors(journey);
      for (const [kind, ids] of Object.entries(expected)) {
        const linked = links.filter((link) => link.kind === kind).map((link) => link.href.slice(1));
        expect(linked, `${journey.id}: ${kind}`).toEqual(ids);
      }
    }
    const kinds = report.journeys.map(expectedAnchors);
    // The example must exercise every kind, or this test proves nothing for that kind.
    for (const kind of Object.keys(anchors))
      expect(
        kinds.some((k) => k[kind]!.length > 0),
        kind,
      ).toBe(true);
  });

  it('names each link after its entity in the report language', () => {
    const journey = report.journeys[0]!;
    const tp = journey.stages.flatMap((s) => s.touchpoints)[0]!;
    const { links } = anchorsOn(readPage(outDir, paths.journey(journey.id)));
    expect(links.find((link) => link.href === `#${anchors.touchpoint(tp.id)}`)?.label).toBe(
      `Link to this touchpoint: ${tp.data.title}`,
    );
  });
});
