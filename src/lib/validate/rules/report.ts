import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AA_TEXT, resolveBranding } from '../../branding.ts';
import type { ReportSources } from '../../model.ts';
import { isDefaultPhase } from '../../portfolio/phases.ts';
import { formatFieldPath, type Problem } from '../../problems.ts';
import { defaultPhaseIds } from '../../schema/lifecycle.ts';
import type { Locate, RuleContext } from './context.ts';

type Report = ReportSources['report'];

/** Research source ids are unique within report.yaml. */
function researchSourceProblems(report: Report, at: Locate): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, number>();
  report.data.researchSources.forEach((source, i) => {
    const earlier = first.get(source.id);
    if (earlier === undefined) first.set(source.id, i);
    else
      problems.push(
        at({ ...report, path: ['researchSources', i] }, ['id'], {
          message: `duplicate research source id "${source.id}"`,
          found: `also at ${formatFieldPath(['researchSources', earlier])}`,
          hint: 'rename one of them',
        }),
      );
  });
  return problems;
}

/** Colours that would fail WCAG AA are used adjusted: say so, with the colour used. The logo must exist. */
function brandingProblems(report: Report, at: Locate, projectRoot: string): Problem[] {
  const problems: Problem[] = [];
  const branding = resolveBranding(report.data.branding);
  for (const [field, color] of [
    ['primaryColor', branding.primary],
    ['accentColor', branding.accent],
  ] as const) {
    if (report.data.branding[field] === undefined || !color.adjusted) continue;
    problems.push(
      at(
        report,
        ['branding', field],
        {
          message: `the brand colour has too little contrast with white (${color.contrast.toFixed(2)}:1; WCAG AA needs ${AA_TEXT}:1)`,
          found: color.authored,
          hint: `Itinera uses the adjusted shade ${color.used}; write that colour to make this warning go away`,
        },
        'warning',
      ),
    );
  }
  if (
    report.data.branding.logo !== undefined &&
    !existsSync(join(projectRoot, dirname(report.file), report.data.branding.logo))
  ) {
    problems.push(
      at(report, ['branding', 'logo'], {
        message: 'image file not found',
        found: `"${report.data.branding.logo}"`,
        expected: 'a path relative to the report folder, e.g. "./logo.svg"',
      }),
    );
  }
  return problems;
}

/** Labels of the emotion scale sit on the scale. */
function scaleProblems(report: Report, at: Locate): Problem[] {
  const scale = report.data.emotionScale;
  return scale.labels.flatMap((label, i) =>
    label.score < scale.min || label.score > scale.max
      ? [
          at(report, ['emotionScale', 'labels', i, 'score'], {
            message: 'label outside the emotion scale',
            expected: `a score from ${scale.min} to ${scale.max}`,
            found: String(label.score),
          }),
        ]
      : [],
  );
}

/** Lifecycle phases need distinct ids, and a phase of the report's own needs a name. */
function lifecycleProblems(report: Report, at: Locate): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  report.data.lifecycle.forEach((phase, i) => {
    if (seen.has(phase.id))
      problems.push(
        at(report, ['lifecycle', i, 'id'], {
          message: `duplicate phase id "${phase.id}"`,
          hint: 'give every lifecycle phase its own id',
        }),
      );
    seen.add(phase.id);
    if (phase.name === undefined && !isDefaultPhase(phase.id)) {
      problems.push(
        at(report, ['lifecycle', i], {
          message: `the phase "${phase.id}" has no name`,
          expected: 'a "name:" shown as the heatmap column heading',
          hint: `add a name; only the built-in phases (${defaultPhaseIds.join(', ')}) have one of their own`,
        }),
      );
    }
  });
  return problems;
}

/** Report versions have distinct names. */
function versionProblems(report: Report, at: Locate): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  report.data.versions.forEach((version, i) => {
    const earlier = seen.get(version.version);
    if (earlier !== undefined) {
      problems.push(
        at(report, ['versions', i, 'version'], {
          message: `duplicate version "${version.version}"`,
          found: `also at versions[${earlier}]`,
          hint: 'give every version its own name',
        }),
      );
    } else seen.set(version.version, i);
  });
  return problems;
}

/** The report settings (report.yaml): research sources, branding, emotion scale, lifecycle, versions. */
export function reportRules(ctx: RuleContext): Problem[] {
  const { report } = ctx.sources;
  return [
    ...researchSourceProblems(report, ctx.at),
    ...brandingProblems(report, ctx.at, ctx.projectRoot),
    ...scaleProblems(report, ctx.at),
    ...lifecycleProblems(report, ctx.at),
    ...versionProblems(report, ctx.at),
  ];
}
