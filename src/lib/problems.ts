/** One thing wrong (or suspicious) in the author's content. */
export interface Problem {
  severity: 'error' | 'warning';
  /** File path relative to the repository root. */
  file: string;
  /** 1-based line in the file, where the format allows. */
  line?: number;
  /** Field path such as `touchpoints[2].emotion`. */
  field?: string;
  /** What is wrong, in words. */
  message: string;
  /** What the field should hold. */
  expected?: string;
  /** What the file holds instead. */
  found?: string;
  /** What to do about it. */
  hint?: string;
}

/** `touchpoints[2].emotion` from `['touchpoints', 2, 'emotion']`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`,
    )
    .join('');
}

export function formatProblem(problem: Problem): string {
  const location = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const lines = [
    `${problem.severity === 'error' ? 'error' : 'warning'}  ${location}${problem.field ? `  ${problem.field}` : ''}`,
  ];
  lines.push(`  ${problem.message}`);
  if (problem.expected !== undefined) lines.push(`  expected: ${problem.expected}`);
  if (problem.found !== undefined) lines.push(`  found:    ${problem.found}`);
  if (problem.hint !== undefined) lines.push(`  fix:      ${problem.hint}`);
  return lines.join('\n');
}

/** The whole report of a validation run, errors first, ending with a count line. */
export function formatProblems(problems: readonly Problem[]): string {
  const sorted = [...problems].sort(
    (a, b) =>
      Number(a.severity === 'warning') - Number(b.severity === 'warning') ||
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0),
  );
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  return [...sorted.map(formatProblem), summary].join('\n\n');
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
