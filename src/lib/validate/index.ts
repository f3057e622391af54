import { formatProblems, hasErrors, type Problem } from '../problems.ts';
import type { ReportSources } from '../model.ts';
import { loadSources } from './loadSources.ts';
import { checkBodies, type Body } from './bodies.ts';
import { checkCanvasRules } from './canvasRules.ts';
import { checkKpiRules } from './kpiRules.ts';
import { checkReportRules } from './rules.ts';

export interface ValidationResult {
  problems: Problem[];
  ok: boolean;
  sources?: ReportSources;
  /** The prose of every MDX/Markdown file, by file (relative to the project), as read. */
  bodies: ReadonlyMap<string, Body>;
}

/**
 * Validates a report folder without building: every file's schema, then the rules across files.
 * KPI freshness is judged on the day ITINERA_TODAY names, else the report's or the build's.
 */
export function validateContent(contentDir: string, projectRoot: string): ValidationResult {
  const loaded = loadSources(contentDir, projectRoot);
  const problems = [...loaded.problems];
  const { sources, files, bodies, failed } = loaded;
  if (sources)
    problems.push(
      ...checkReportRules(sources, files, projectRoot, failed),
      ...checkKpiRules(sources, files, failed),
      ...checkCanvasRules(sources, files),
      ...checkBodies(bodies, sources, failed),
    );
  const unique = [...new Map(problems.map((p) => [JSON.stringify(p), p])).values()];
  return { problems: unique, ok: !hasErrors(unique), sources: loaded.sources, bodies };
}

export { formatProblems };
