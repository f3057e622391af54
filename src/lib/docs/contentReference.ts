import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'astro/zod';
import { contentLayout, type CollectionName } from '../collections.ts';
import * as schemas from '../schema/index.ts';
import { SchemaDocs, schemaIndexFile, type FieldDoc } from './schemaDocs.ts';
import type ts from 'typescript';

/** One row of a reference table. */
interface FieldRow {
  path: string;
  type: string;
  presence: string;
  allowed: string;
  description: string;
}

/** Headings and file patterns of the content reference, one section per collection, in reading order. */
const sections: { collection: CollectionName; title: string; files: string; body: string }[] = [
  { collection: 'report', title: 'Report', files: 'report.yaml', body: 'The whole file.' },
  {
    collection: 'channels',
    title: 'Channels',
    files: 'channels.yaml',
    body: 'The whole file (optional; built-in channels are listed in the [authoring guide](../authoring.md#channels-built-in-and-channelsyaml)).',
  },
  {
    collection: 'personas',
    title: 'Persona',
    files: 'personas/<id>.mdx',
    body: 'The frontmatter; the MDX body is the short bio.',
  },
  {
    collection: 'journeys',
    title: 'Journey',
    files: 'journeys/<id>.mdx',
    body: "The frontmatter; the MDX body is the journey's narrative.",
  },
  {
    collection: 'stages',
    title: 'Stage',
    files: 'stages/<journey>/<id>.mdx',
    body: "The frontmatter; the file name is the stage's id within its journey, the MDX body its description.",
  },
  {
    collection: 'touchpoints',
    title: 'Touchpoint',
    files: 'touchpoints/<journey>/<id>.mdx',
    body: "The frontmatter; the file name is the touchpoint's id, the MDX body its notes.",
  },
  {
    collection: 'touchpointLists',
    title: 'Touchpoint list',
    files: 'touchpoints/<journey>/*.yaml',
    body: 'The whole file: many touchpoints of one journey, without bodies.',
  },
  {
    collection: 'kpiLists',
    title: 'KPI list',
    files: 'kpis/*.yaml',
    body: 'The whole file: the KPIs of one journey.',
  },
];

/** Shared schemas with a name of their own in the notation section. */
const namedSchemas = new Map<z.ZodType, string>([
  [schemas.idSchema, 'id'],
  [schemas.textSchema, 'text'],
  [schemas.dateSchema, 'date'],
  [schemas.versionSchema, 'text or number'],
  [schemas.textLinesSchema, 'text or list of text'],
]);

// Zod 4 keeps a schema's definition in `_zod.def`; only the parts read here are typed.
interface ZodDef {
  type: string;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  element?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
  shape?: Record<string, z.ZodType>;
  checks?: { _zod: { def: Record<string, unknown> } }[];
}

function defOf(schema: z.ZodType): ZodDef {
  return (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
}

const code = (value: unknown): string =>
  `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;

/** Limits a schema's checks set: lengths, ranges, whole numbers, patterns. */
function limitsOf(schema: z.ZodType, unit = 'characters'): string[] {
  const limits: string[] = [];
  for (const check of defOf(schema).checks ?? []) {
    const def = check._zod.def;
    const value = def.value as number;
    switch (def.check) {
      case 'greater_than':
        limits.push(def.inclusive ? `≥ ${value}` : `> ${value}`);
        break;
      case 'less_than':
        limits.push(def.inclusive ? `≤ ${value}` : `< ${value}`);
        break;
      case 'min_length':
        limits.push(
          def.minimum === 1
            ? unit === 'characters'
              ? 'not empty'
              : 'at least one item'
            : `at least ${String(def.minimum)} ${unit}`,
        );
        break;
      case 'max_length':
        limits.push(`at most ${String(def.maximum)} ${unit}`);
        break;
      case 'number_format':
        break;
      case 'string_format':
        if (def.pattern instanceof RegExp) limits.push(`matches ${code(def.pattern.source)}`);
        break;
    }
  }
  return limits;
}

function isWholeNumber(schema: z.ZodType): boolean {
  return (defOf(schema).checks ?? []).some((check) => check._zod.def.check === 'number_format');
}

/** A schema with its optional/default wrappers removed, and what they said. */
function unwrap(schema: z.ZodType): {
  inner: z.ZodType;
  optional: boolean;
  defaultValue?: unknown;
} {
  const def = defOf(schema);
  if (def.type === 'optional') return { ...unwrap(def.innerType!), optional: true };
  if (def.type === 'default') {
    const inner = unwrap(def.innerType!);
    return { inner: inner.inner, optional: true, defaultValue: def.defaultValue };
  }
  return { inner: schema, optional: false };
}

/** The type of a value in the notation of the reference, and the values it allows. */
function describeType(schema: z.ZodType): { type: string; allowed: string[] } {
  const named = namedSchemas.get(schema);
  if (named) return { type: named, allowed: [] };
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
      return describeType(unwrap(schema).inner);
    case 'string':
      return { type: 'text', allowed: limitsOf(schema) };
    case 'number':
      return { type: isWholeNumber(schema) ? 'whole number' : 'number', allowed: limitsOf(schema) };
    case 'boolean':
      return { type: '`true` or `false`', allowed: [] };
    case 'enum':
      return { type: 'one of', allowed: Object.values(def.entries ?? {}).map(code) };
    case 'literal':
      return { type: 'exactly', allowed: (def.values ?? []).map(code) };
    case 'object':
      return { type: 'object', allowed: [] };
    case 'array': {
      const element = describeType(def.element!);
      const type = element.type === 'object' ? 'list of objects' : `list of ${element.type}`;
      return { type, allowed: [...limitsOf(schema, 'items'), ...element.allowed] };
    }
    case 'record': {
      const key = describeType(def.keyType!);
      const value = describeType(def.valueType!);
      return { type: `map of ${key.type} → ${value.type}`, allowed: value.allowed };
    }
    case 'union': {
      const options = (def.options ?? []).map(describeType);
      return {
        type: options.map((option) => option.type).join(' or '),
        allowed: options.flatMap((option) => option.allowed),
      };
    }
    case 'pipe':
      return describeType(def.in!);
    case 'unknown':
    case 'any':
      return { type: 'any value', allowed: [] };
    default:
      throw new Error(
        `the content reference cannot describe a zod "${def.type}" schema yet: add it to describeType in src/lib/docs/contentReference.ts`,
      );
  }
}

/** The zod objects a field's value may hold (directly, in a list, a map or one side of a union). */
function nestedObjects(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  if (namedSchemas.has(schema)) return [];
  switch (def.type) {
    case 'object':
      return [schema];
    case 'optional':
    case 'default':
      return nestedObjects(def.innerType!);
    case 'array':
      return nestedObjects(def.element!);
    case 'record':
      return nestedObjects(def.valueType!);
    case 'union':
      return (def.options ?? []).flatMap(nestedObjects);
    case 'pipe':
      return nestedObjects(def.in!);
    default:
      return [];
  }
}

function fieldSuffix(schema: z.ZodType): string {
  const type = defOf(unwrap(schema).inner).type;
  if (type === 'record') return '.<key>';
  return describeType(schema).type.startsWith('list of') ||
    (type === 'union' && describeType(schema).type.includes('list of'))
    ? '[]'
    : '';
}

function presenceOf(schema: z.ZodType): string {
  const { optional, defaultValue } = unwrap(schema);
  if (defaultValue !== undefined) return `default ${code(defaultValue)}`;
  return optional ? 'optional' : 'required';
}

/** The rows of one zod object, its nested objects' rows following the field that holds them. */
function objectRows(
  docs: SchemaDocs,
  objectSchema: z.ZodType,
  objectType: ts.Type,
  prefix: string,
): FieldRow[] {
  const fieldDocs = docs.fieldDocs(objectType);
  const rows: FieldRow[] = [];
  for (const [name, fieldSchema] of Object.entries(defOf(objectSchema).shape ?? {})) {
    const path = `${prefix}${name}`;
    const doc = fieldDocs.get(name);
    if (!doc?.description)
      throw new Error(
        `field "${path}" has no JSDoc comment: write one above it in src/lib/schema/`,
      );
    const { type, allowed } = describeType(fieldSchema);
    rows.push({
      path,
      type,
      presence: presenceOf(fieldSchema),
      allowed: allowed.join(', '),
      description: doc.description,
    });
    rows.push(...nestedRows(docs, fieldSchema, doc, `${path}${fieldSuffix(fieldSchema)}.`));
  }
  return rows;
}

function nestedRows(
  docs: SchemaDocs,
  fieldSchema: z.ZodType,
  doc: FieldDoc,
  prefix: string,
): FieldRow[] {
  const objects = nestedObjects(fieldSchema);
  if (objects.length === 0) return [];
  const objectTypes = docs.nestedObjectTypes(doc.schemaType);
  return objects.flatMap((objectSchema) => {
    const keys = Object.keys(defOf(objectSchema).shape ?? {})
      .sort()
      .join(',');
    const match = objectTypes.find(
      (type) => [...docs.fieldDocs(type).keys()].sort().join(',') === keys,
    );
    if (!match)
      throw new Error(
        `cannot find the TypeScript declaration of the object under "${prefix}" (fields ${keys})`,
      );
    return objectRows(docs, objectSchema, match, prefix);
  });
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

function table(rows: FieldRow[]): string {
  const lines = [
    '| Field | Type | Required / default | Allowed values | Meaning |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    lines.push(
      `| \`${row.path}\` | ${cell(row.type)} | ${cell(row.presence)} | ${cell(row.allowed)} | ${cell(row.description)} |`,
    );
  }
  return lines.join('\n');
}

function exportNameOf(schema: z.ZodType): string {
  const entry = Object.entries(schemas).find(([, value]) => value === schema);
  if (!entry) throw new Error('a collection schema is not exported from src/lib/schema/index.ts');
  return entry[0];
}

const header = `# Content reference

<!-- Generated by \`npm run docs:reference\` from the JSDoc of src/lib/schema/*.ts: do not edit by hand. -->

Every field of every content file, generated from the zod schemas in \`src/lib/schema/\` (each
field's JSDoc comment is its meaning here). How to write a report, examples and what each rule
means in practice: the [authoring guide](../authoring.md).

Notation:

- **text** means non-empty text; leading and trailing spaces are trimmed.
- **id** means lower-case letters and digits joined by single hyphens (\`store-visit\`).
- **date** is written \`YYYY-MM-DD\`, quoted or not.
- **text or number** is kept as text (a \`version\` such as \`"1.10"\` must be quoted).
- **text or list of text**: one line, or a list of short lines.
- \`a[].b\` is field \`b\` of each item of list \`a\`; \`a.<key>.b\` is field \`b\` of each value of map \`a\`.
- **Required / default**: \`required\`, \`optional\` (left out, nothing is assumed) or the value used when the field is left out.

A field that is not listed here is ignored and reported as a warning, with the closest known
name suggested.`;

/** The whole content reference as Markdown. */
export function contentReferenceMarkdown(docs = new SchemaDocs(schemaIndexFile())): string {
  const parts = [header];
  for (const section of sections) {
    const schema = contentLayout[section.collection].schema as z.ZodType;
    const objectType = docs.exportedType(exportNameOf(schema));
    parts.push(
      `## ${section.title}: \`${section.files}\``,
      section.body,
      table(objectRows(docs, schema, objectType, '')),
    );
  }
  return `${parts.join('\n\n')}\n`;
}

/** Where the generated reference is committed: `docs/reference/content.md` in the project. */
export function contentReferenceFile(): string {
  return join(
    dirname(fileURLToPath(import.meta.url)),
    '..',
    '..',
    '..',
    'docs',
    'reference',
    'content.md',
  );
}
