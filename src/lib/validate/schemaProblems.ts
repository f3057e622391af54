import type { z } from 'astro/zod';
import { closestMatches } from '../closest.ts';
import { formatFieldPath, type Problem } from '../problems.ts';
import { slugify } from '../scaffold.ts';
import { ID_FORM } from '../schema/shared.ts';
import type { ParsedFile } from './parseFile.ts';

type Path = readonly PropertyKey[];

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'an empty value';
  if (typeof value === 'string')
    return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}" (text)`;
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return `${String(value)} (${typeof value})`;
  return typeof value;
}

function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const typeWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
  date: 'a date (YYYY-MM-DD)',
};

/** The fields every problem of a zod issue shares: where it is. */
type ProblemBase = Pick<Problem, 'severity' | 'file' | 'line' | 'field'>;

/** A value of the wrong type, or none where one is required. */
function typeProblem(
  issue: z.core.$ZodIssueInvalidType,
  found: unknown,
  base: ProblemBase & { field: string },
  parsed: ParsedFile,
): Problem {
  const expected = typeWords[issue.expected] ?? issue.expected;
  if (found === undefined) {
    return {
      ...base,
      message: 'required field is missing',
      expected,
      hint: `add "${String(issue.path.at(-1))}:" to the file`,
    };
  }
  return {
    ...base,
    message: 'wrong type of value',
    expected,
    found: describe(found),
    hint:
      (found === null ? parsed.emptiedByComment(base.field) : undefined) ??
      (issue.expected === 'number' ? 'write the number without quotes or units' : undefined),
  };
}

/** A value outside a fixed list, with the closest allowed one as the hint. */
function unknownValueProblem(
  issue: z.core.$ZodIssueInvalidValue,
  found: unknown,
  base: ProblemBase,
): Problem {
  return {
    ...base,
    message: 'unknown value',
    expected: `one of ${issue.values.map((v) => `"${String(v)}"`).join(', ')}`,
    found: describe(found),
    hint:
      typeof found === 'string'
        ? closestMatches(found, issue.values.map(String)).map((v) => `did you mean "${v}"?`)[0]
        : undefined,
  };
}

/** A number out of range, or a list or text too short or too long (zod's message says by how much). */
function rangeProblem(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  found: unknown,
  base: ProblemBase,
): Problem {
  const isCount = issue.origin === 'array' || issue.origin === 'string';
  const bound = 'minimum' in issue ? issue.minimum : issue.maximum;
  const word = issue.code === 'too_small' ? 'at least' : 'at most';
  return {
    ...base,
    message: isCount ? issue.message : 'value out of range',
    expected: isCount ? undefined : `a number ${word} ${String(bound)}`,
    found: describe(found),
  };
}

/** Turns one zod issue into what an author can act on. */
function issueToProblem(
  issue: z.core.$ZodIssue,
  data: unknown,
  parsed: ParsedFile,
  file: string,
): Problem {
  const found = valueAt(data, issue.path);
  const path = issue.path;
  const base = {
    severity: 'error' as const,
    file,
    line: parsed.lineOf(path),
    field: formatFieldPath(path),
  };
  switch (issue.code) {
    case 'invalid_type':
      return typeProblem(issue, found, base, parsed);
    case 'invalid_value':
      return unknownValueProblem(issue, found, base);
    case 'too_small':
    case 'too_big':
      return rangeProblem(issue, found, base);
    case 'invalid_format':
      if (
        issue.format === 'regex' &&
        issue.pattern === String(ID_FORM) &&
        typeof found === 'string'
      )
        return idProblem(base, found);
      return { ...base, message: issue.message, found: describe(found) };
    case 'invalid_key':
      return keyProblem(issue, base);
    case 'custom': {
      const params = issue.params as { expected?: string; hint?: string } | undefined;
      return {
        ...base,
        message: issue.message,
        expected: params?.expected,
        found: describe(found),
        hint: params?.hint,
      };
    }
    default:
      return {
        ...base,
        message: issue.message,
        found: found === undefined ? undefined : describe(found),
      };
  }
}

/** A record key (`emotionByPersona: { Giulia: 4 }`) that is not what keys must look like. */
function keyProblem(issue: z.core.$ZodIssueInvalidKey, base: ProblemBase): Problem {
  // The path ends with the key itself: the value found there is not what is wrong.
  const key = String(issue.path.at(-1));
  if (issue.issues.some((i) => i.code === 'invalid_format' && i.pattern === String(ID_FORM)))
    return { ...idProblem(base, key), message: `the key "${key}" is not a valid id` };
  return {
    ...base,
    message: `the key "${key}" is not valid: ${issue.issues[0]?.message ?? issue.message}`,
    found: `"${key}"`,
  };
}

/** An id written with capitals, accents or spaces: the fix is the id it was meant to be. */
function idProblem(base: ProblemBase, written: string): Problem {
  return {
    ...base,
    message: 'not a valid id',
    expected: 'lower-case letters, digits and hyphens, e.g. "store-visit"',
    found: `"${written}"`,
    hint: `write "${slugify(written)}"`,
  };
}

/** The object shape a schema describes at the top, seen through optional/default/pipe wrappers. */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  let current: unknown = schema;
  for (let i = 0; i < 10 && current; i++) {
    const def = (current as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return undefined;
    if (def.type === 'object') return def.shape as Record<string, z.ZodType>;
    current = def.innerType ?? def.in ?? undefined;
  }
  return undefined;
}

function elementSchema(schema: z.ZodType): z.ZodType | undefined {
  let current: unknown = schema;
  for (let i = 0; i < 10 && current; i++) {
    const def = (current as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return undefined;
    if (def.type === 'array') return def.element as z.ZodType;
    current = def.innerType ?? def.in ?? undefined;
  }
  return undefined;
}

/** Warnings for fields the schema does not know: usually a typo (`emotoin`). */
function unknownFieldProblems(
  schema: z.ZodType,
  data: unknown,
  path: Path,
  parsed: ParsedFile,
  file: string,
): Problem[] {
  const problems: Problem[] = [];
  if (Array.isArray(data)) {
    const element = elementSchema(schema);
    if (element)
      data.forEach((item, i) =>
        problems.push(...unknownFieldProblems(element, item, [...path, i], parsed, file)),
      );
    return problems;
  }
  const shape = objectShape(schema);
  if (!shape || data === null || typeof data !== 'object' || data instanceof Date) return problems;
  for (const [key, value] of Object.entries(data)) {
    const fieldSchema = shape[key];
    const fieldPath = [...path, key];
    if (fieldSchema) {
      problems.push(...unknownFieldProblems(fieldSchema, value, fieldPath, parsed, file));
      continue;
    }
    const close = closestMatches(key, Object.keys(shape), 1);
    problems.push({
      severity: 'warning',
      file,
      line: parsed.lineOf(fieldPath),
      field: formatFieldPath(fieldPath),
      message: 'unknown field, ignored',
      hint: close[0]
        ? `did you mean "${close[0]}"?`
        : `known fields: ${Object.keys(shape).join(', ')}`,
    });
  }
  return problems;
}

/** The id an issue finds malformed: a value that is not an id, or a record key that is not one. */
function malformedId(issue: z.core.$ZodIssue, data: unknown): string | undefined {
  if (issue.code === 'invalid_key') return String(issue.path.at(-1));
  if (issue.code !== 'invalid_format' || issue.pattern !== String(ID_FORM)) return undefined;
  const found = valueAt(data, issue.path);
  return typeof found === 'string' ? found : undefined;
}

/**
 * Validates a parsed file against its schema: every problem at once, plus the clean data.
 * Malformed ids that are the names of files already reported (`failedIds`) are consequences of
 * that one mistake: they come back apart, so the caller can point to them from its cause.
 */
export function checkAgainstSchema<S extends z.ZodType>(
  schema: S,
  parsed: ParsedFile,
  file: string,
  failedIds: ReadonlySet<string> = new Set(),
): { data?: z.output<S>; problems: Problem[]; consequences: { id: string; problem: Problem }[] } {
  const result = schema.safeParse(parsed.data);
  const warnings = unknownFieldProblems(schema, parsed.data, [], parsed, file);
  const consequences: { id: string; problem: Problem }[] = [];
  if (result.success) return { data: result.data, problems: warnings, consequences };
  const errors: Problem[] = [];
  for (const issue of result.error.issues) {
    const problem = issueToProblem(issue, parsed.data, parsed, file);
    const id = malformedId(issue, parsed.data);
    if (id !== undefined && failedIds.has(id)) consequences.push({ id, problem });
    else errors.push(problem);
  }
  return { problems: [...errors, ...warnings], consequences };
}
