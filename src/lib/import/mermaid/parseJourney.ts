/**
 * A parser for Mermaid "user journey" diagrams (https://mermaid.js.org/syntax/userJourney.html).
 *
 * Written by hand, line by line, after Mermaid's own grammar (`journey.jison`): the `mermaid`
 * package needs a browser DOM (it parses and renders in one go, through DOMPurify and d3 on a
 * real document), so it cannot run in Node at build time or in the CLI. Pure: no I/O.
 *
 * ```text
 * journey                          required, the first meaningful line
 *   title My working day           title <text>
 *   accTitle: Short title          accessible title
 *   accDescr: One line             accessible description, or
 *   accDescr {                     a multi-line one, closed by }
 *     Several lines
 *   }
 *   section Go to work             section <name>; <br> / <br/> allowed in the name
 *     Make tea: 5: Me              task: <score>: <actor>, <actor>
 *     Go upstairs: 3: Me, Cat
 *     Rest: 4                      no actors (also "Rest: 4:")
 *   %% a comment                   whole-line or trailing comments
 * ```
 *
 * Keywords are case-insensitive, as in Mermaid. Tasks before any `section` belong to an
 * implicit section, which Mermaid leaves unnamed; here it is named "Journey". Unlike Mermaid,
 * `#` does not start a comment (so "Order #123" stays whole), and anything Mermaid would
 * silently ignore or render oddly (a third colon in a task, an empty task name, a score that is
 * not a number) is an error with its line. A `%%{init: ...}%%` directive or a `---` front-matter
 * block before `journey` is skipped, as Mermaid does.
 */

export interface MermaidTask {
  /** Task name, `<br>` line breaks replaced by spaces. */
  name: string;
  /** The task's name as written (with any `<br>`). */
  rawName: string;
  /** The score (Mermaid draws 1-5; any number is accepted). */
  score: number;
  /** Actor names, as written, in order; may be empty. */
  actors: string[];
  /** 1-based line of the task in the diagram source. */
  line: number;
}

export interface MermaidSection {
  /** Section name, `<br>` line breaks replaced by spaces ("Journey" for the implicit first section). */
  name: string;
  /** The section's name as written (with any `<br>`; empty for the implicit first section). */
  rawName: string;
  /** 1-based line of the `section` keyword (of the first task for the implicit section). */
  line: number;
  tasks: MermaidTask[];
}

export interface MermaidJourney {
  title?: string;
  accTitle?: string;
  accDescr?: string;
  sections: MermaidSection[];
  /** Every actor named by a task, distinct, in first-seen order. */
  actors: string[];
}

/**
 * A diagram that does not follow the user-journey grammar. `line` is 1-based within the
 * diagram source; `message` says what was expected and does not repeat the line, so callers
 * print it as `FILE:LINE: message`.
 */
export class MermaidSyntaxError extends Error {
  readonly line: number;

  constructor(line: number, message: string) {
    super(message);
    this.name = 'MermaidSyntaxError';
    this.line = line;
  }
}

/** Name Mermaid leaves empty for tasks written before the first `section`. */
export const IMPLICIT_SECTION_NAME = 'Journey';

const LINE_BREAK = /<br\s*\/?>/gi;
const DIRECTIVE = /^%%\{.*\}%%$/;

/** Text without a trailing `%%` comment (Mermaid: `%%` anywhere ends the line, except in `}%%`). */
function stripComment(line: string): string {
  const at = line.search(/(?<!\})%%/);
  return at === -1 ? line : line.slice(0, at);
}

/** `<br>`, `<br/>` and `<br />` become single spaces. */
function joinLineBreaks(text: string): string {
  return text.replace(LINE_BREAK, ' ').replace(/\s+/g, ' ').trim();
}

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

/** Lines with their 1-based numbers, skipping a leading `---` front-matter block. */
function numberedLines(source: string): { text: string; line: number }[] {
  const lines = source.split(/\r\n|\r|\n/).map((text, i) => ({ text, line: i + 1 }));
  const first = lines.findIndex((l) => l.text.trim() !== '');
  if (first !== -1 && lines[first]!.text.trim() === '---') {
    const close = lines.findIndex((l, i) => i > first && l.text.trim() === '---');
    if (close !== -1) return lines.slice(close + 1);
  }
  return lines;
}

/** Whether a line carries nothing: blank, a comment or a `%%{...}%%` directive. */
function isEmptyLine(text: string): boolean {
  const trimmed = text.trim();
  return DIRECTIVE.test(trimmed) || stripComment(trimmed).trim() === '';
}

/** True when the first meaningful line (after blanks, comments, directives, front matter) is `journey`. */
export function isMermaidJourney(source: string): boolean {
  const first = numberedLines(source).find((l) => !isEmptyLine(l.text));
  return first !== undefined && /^journey$/i.test(stripComment(first.text).trim());
}

const KEYWORD = {
  journey: /^journey$/i,
  title: /^title(?:\s+(.*))?$/i,
  accTitle: /^accTitle\s*:(.*)$/i,
  accDescr: /^accDescr\s*:(.*)$/i,
  accDescrBlock: /^accDescr\s*\{(.*)$/i,
  section: /^section(?:\s+(.*))?$/i,
};

type NumberedLine = { text: string; line: number };

/** Index of the line after `journey`, which must be the first meaningful line. */
function bodyStart(lines: readonly NumberedLine[]): number {
  const first = lines.findIndex((l) => !isEmptyLine(l.text));
  if (first === -1)
    throw new MermaidSyntaxError(
      1,
      'a user journey starts with the line "journey" (found an empty diagram)',
    );
  const text = stripComment(lines[first]!.text).trim();
  if (!KEYWORD.journey.test(text)) {
    throw new MermaidSyntaxError(
      lines[first]!.line,
      `a user journey starts with the line "journey" (found ${quote(text)})`,
    );
  }
  return first + 1;
}

/** The text after a keyword, trimmed; a MermaidSyntaxError with `fix` when there is none. */
function requiredText(value: string | undefined, line: number, fix: string): string {
  const text = (value ?? '').trim();
  if (!text) throw new MermaidSyntaxError(line, fix);
  return text;
}

/**
 * A multi-line `accDescr { ... }` whose first line's text after "{" is `first`, continuing at
 * `lines[next]`. Inside the braces Mermaid keeps everything literally, %% included, up to the
 * first "}". Returns the description and the index of the line after the closing "}".
 */
function readAccDescrBlock(
  first: string,
  lines: readonly NumberedLine[],
  next: number,
  line: number,
): { accDescr: string; next: number } {
  const parts: string[] = [];
  let rest = first;
  let i = next;
  for (;;) {
    const end = rest.indexOf('}');
    if (end !== -1) {
      parts.push(rest.slice(0, end));
      const after = stripComment(rest.slice(end + 1)).trim();
      if (after)
        throw new MermaidSyntaxError(
          lines[i - 1]!.line,
          `nothing can follow the "}" that closes accDescr (found ${quote(after)})`,
        );
      const accDescr = parts
        .map((p) => p.trim())
        .join('\n')
        .trim();
      if (!accDescr)
        throw new MermaidSyntaxError(line, 'accDescr { } needs a text between the braces');
      return { accDescr, next: i };
    }
    parts.push(rest);
    if (i >= lines.length)
      throw new MermaidSyntaxError(
        line,
        'accDescr { is never closed: end the description with a line "}"',
      );
    rest = lines[i]!.text;
    i++;
  }
}

/** A `section` line's section, still without tasks. */
function parseSection(name: string | undefined, text: string, line: number): MermaidSection {
  const rawName = requiredText(name, line, 'a section needs a name: "section Go to work"');
  if (rawName.includes(':')) {
    throw new MermaidSyntaxError(
      line,
      `a section name cannot contain ":" (found ${quote(text)}); tasks go on their own lines below the section`,
    );
  }
  return { name: joinLineBreaks(rawName) || rawName, rawName, line, tasks: [] };
}

/** Adds a task to the last section (an implicit one when none came yet) and its new actors to the journey's. */
function addTask(journey: MermaidJourney, task: MermaidTask): void {
  let section = journey.sections[journey.sections.length - 1];
  if (!section) {
    section = { name: IMPLICIT_SECTION_NAME, rawName: '', line: task.line, tasks: [] };
    journey.sections.push(section);
  }
  section.tasks.push(task);
  for (const actor of task.actors) if (!journey.actors.includes(actor)) journey.actors.push(actor);
}

/**
 * Reads the statement on `raw` (line number `line`) into the journey; `next` is the index of
 * the following line. Returns the index to go on from: past the closing "}" of an accDescr block.
 */
function readStatement(
  journey: MermaidJourney,
  raw: string,
  line: number,
  lines: readonly NumberedLine[],
  next: number,
): number {
  const text = stripComment(raw).trim();
  if (KEYWORD.journey.test(text))
    throw new MermaidSyntaxError(line, `"journey" can only be the first line: write it once`);
  let match: RegExpExecArray | null;
  if ((match = KEYWORD.title.exec(text))) {
    journey.title = requiredText(match[1], line, 'a title needs a text: "title My working day"');
  } else if ((match = KEYWORD.accTitle.exec(text))) {
    journey.accTitle = requiredText(
      match[1],
      line,
      'accTitle needs a text: "accTitle: My working day"',
    );
  } else if ((match = KEYWORD.accDescrBlock.exec(raw.trim()))) {
    const block = readAccDescrBlock(match[1]!, lines, next, line);
    journey.accDescr = block.accDescr;
    return block.next;
  } else if ((match = KEYWORD.accDescr.exec(text))) {
    journey.accDescr = requiredText(
      match[1],
      line,
      'accDescr needs a text: "accDescr: A day from waking to coming home"',
    );
  } else if ((match = KEYWORD.section.exec(text))) {
    journey.sections.push(parseSection(match[1], text, line));
  } else {
    addTask(journey, parseTask(text, line));
  }
  return next;
}

/** Parses a Mermaid user-journey diagram; throws MermaidSyntaxError on malformed input. */
export function parseMermaidJourney(source: string): MermaidJourney {
  const journey: MermaidJourney = { sections: [], actors: [] };
  const lines = numberedLines(source);
  let i = bodyStart(lines);
  while (i < lines.length) {
    const { text: raw, line } = lines[i]!;
    i++;
    if (!isEmptyLine(raw)) i = readStatement(journey, raw, line, lines, i);
  }
  return journey;
}

const TASK_EXAMPLE = '"Pay: 5: Me"';

function parseTask(text: string, line: number): MermaidTask {
  const colon = text.indexOf(':');
  if (colon === -1) {
    throw new MermaidSyntaxError(
      line,
      `a task needs a score: ${TASK_EXAMPLE} (found ${quote(text)}); other lines start with journey, title, accTitle:, accDescr or section`,
    );
  }
  const rawName = text.slice(0, colon).trim();
  if (!rawName)
    throw new MermaidSyntaxError(
      line,
      `a task needs a name before its score: ${TASK_EXAMPLE} (found ${quote(text)})`,
    );
  const pieces = text.slice(colon + 1).split(':');
  if (pieces.length > 2) {
    throw new MermaidSyntaxError(
      line,
      `a task has at most two colons, name: score: actors, and its name cannot contain ":" (found ${quote(text)})`,
    );
  }
  const scoreText = pieces[0]!.trim();
  if (!scoreText)
    throw new MermaidSyntaxError(
      line,
      `a task needs a score after its name: ${TASK_EXAMPLE} (found ${quote(text)})`,
    );
  const score = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(scoreText) ? Number(scoreText) : Number.NaN;
  if (!Number.isFinite(score)) {
    throw new MermaidSyntaxError(
      line,
      `a task's score must be a number, usually 1 to 5: ${TASK_EXAMPLE} (found ${quote(scoreText)})`,
    );
  }
  const actors = (pieces[1] ?? '')
    .split(',')
    .map((actor) => actor.trim())
    .filter((actor) => actor !== '');
  return {
    name: joinLineBreaks(rawName) || rawName,
    rawName,
    score,
    actors: [...new Set(actors)],
    line,
  };
}

const MERMAID_FENCE = /^[ \t]*(`{3,}|~{3,})[ \t]*mermaid\b[^\n]*\n([\s\S]*?)^[ \t]*\1[ \t]*$/gm;

/**
 * The ```mermaid blocks of a Markdown/MDX text whose diagram is a user journey, each with the
 * line of its opening fence (1-based), so diagram line N is file line `fenceLine + N`.
 */
export function findMermaidJourneyBlocks(
  markdown: string,
): { source: string; fenceLine: number }[] {
  return [...markdown.matchAll(MERMAID_FENCE)]
    .filter((match) => isMermaidJourney(match[2]!))
    .map((match) => ({
      source: match[2]!,
      fenceLine: markdown.slice(0, match.index).split('\n').length,
    }));
}
