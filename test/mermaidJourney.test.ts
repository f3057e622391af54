import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  isMermaidJourney,
  MermaidSyntaxError,
  parseMermaidJourney,
} from '../src/lib/import/mermaid/parseJourney.ts';
import { mapScore, mermaidToContentFiles, slugifyId } from '../src/lib/import/mermaid/toContent.ts';
import {
  touchpointListSchema,
  journeySchema,
  personaSchema,
  stageSchema,
} from '../src/lib/schema/index.ts';
import { parse as parseYaml } from 'yaml';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/mermaid/${name}`, import.meta.url), 'utf8');

/** The error a source throws (fails the test when it parses). */
function syntaxError(source: string): MermaidSyntaxError {
  try {
    parseMermaidJourney(source);
  } catch (error) {
    expect(error).toBeInstanceOf(MermaidSyntaxError);
    return error as MermaidSyntaxError;
  }
  throw new Error('expected a MermaidSyntaxError');
}

describe('parseMermaidJourney', () => {
  it('parses the rich example (My working day)', () => {
    const journey = parseMermaidJourney(fixture('working-day.mmd'));
    expect(journey.title).toBe('My working day');
    expect(journey.accTitle).toBe('A working day, from tea to sofa');
    expect(journey.accDescr).toBe(
      'How the day feels for me and the cat,\nfrom the morning tea to sitting down at home.',
    );
    expect(journey.actors).toEqual(['Me', 'Cat']);
    expect(journey.sections.map((s) => [s.name, s.line, s.tasks.length])).toEqual([
      ['Go to work', 9, 3],
      ['Lunch break', 13, 2],
      ['Go home', 16, 3],
    ]);
    expect(journey.sections[0]!.tasks[2]).toEqual({
      name: 'Do work',
      rawName: 'Do work',
      score: 1,
      actors: ['Me', 'Cat'],
      line: 12,
    });
  });

  it('reads the title, accTitle and a single-line accDescr', () => {
    const journey = parseMermaidJourney(
      'journey\n  title My day\n  accTitle: Day\n  accDescr: A day, from tea to sofa\n',
    );
    expect(journey).toEqual({
      title: 'My day',
      accTitle: 'Day',
      accDescr: 'A day, from tea to sofa',
      sections: [],
      actors: [],
    });
  });

  it('reads a multi-line accDescr { ... }, also closed on its first line', () => {
    const multi = parseMermaidJourney(
      'journey\naccDescr {\n    First line\n    second line %% kept: not a comment inside braces\n}\nsection A\n  T: 3: Me',
    );
    expect(multi.accDescr).toBe('First line\nsecond line %% kept: not a comment inside braces');
    expect(multi.sections[0]!.line).toBe(6);
    expect(parseMermaidJourney('journey\naccDescr { Short one }').accDescr).toBe('Short one');
    expect(parseMermaidJourney('journey\naccDescr {\nStarts here\nends here }\n').accDescr).toBe(
      'Starts here\nends here',
    );
  });

  it('keeps <br> section names as a space-joined name and the raw form', () => {
    const journey = parseMermaidJourney(
      'journey\nsection Go<br>to<br/>work<br />now\n  Tea: 5: Me',
    );
    expect(journey.sections[0]!.name).toBe('Go to work now');
    expect(journey.sections[0]!.rawName).toBe('Go<br>to<br/>work<br />now');
  });

  it('reads tasks with several actors, and collects distinct actors in first-seen order', () => {
    const journey = parseMermaidJourney(
      'journey\nsection S\n  A: 3: Me, Cat ,Dog\n  B: 4: Dog, Me, Bird\n',
    );
    expect(journey.sections[0]!.tasks.map((t) => t.actors)).toEqual([
      ['Me', 'Cat', 'Dog'],
      ['Dog', 'Me', 'Bird'],
    ]);
    expect(journey.actors).toEqual(['Me', 'Cat', 'Dog', 'Bird']);
  });

  it('accepts an empty actor list, with and without the trailing colon', () => {
    const journey = parseMermaidJourney(
      'journey\nsection S\n  Without colon: 5\n  With colon: 4:\n  Spaces: 3:   \n',
    );
    expect(journey.sections[0]!.tasks.map((t) => [t.name, t.score, t.actors])).toEqual([
      ['Without colon', 5, []],
      ['With colon', 4, []],
      ['Spaces', 3, []],
    ]);
    expect(journey.actors).toEqual([]);
  });

  it('accepts decimal scores', () => {
    const tasks = parseMermaidJourney('journey\nsection S\n  A: 4.5: Me\n  B: .5\n  C: 3.: Me')
      .sections[0]!.tasks;
    expect(tasks.map((t) => t.score)).toEqual([4.5, 0.5, 3]);
  });

  it('skips whole-line and trailing comments, blank lines and indentation', () => {
    const source = [
      '%% leading comment',
      '',
      '   journey   %% the keyword',
      '%% a comment',
      '      title Commented %% not part of the title',
      '',
      'section S %% a section',
      '\t\tA: 3: Me %% trailing',
      '   %% indented comment',
      'B: 4: Me',
    ].join('\n');
    const journey = parseMermaidJourney(source);
    expect(journey.title).toBe('Commented');
    expect(journey.sections).toEqual([
      {
        name: 'S',
        rawName: 'S',
        line: 7,
        tasks: [
          { name: 'A', rawName: 'A', score: 3, actors: ['Me'], line: 8 },
          { name: 'B', rawName: 'B', score: 4, actors: ['Me'], line: 10 },
        ],
      },
    ]);
  });

  it('puts tasks before any section into an implicit "Journey" section', () => {
    const journey = parseMermaidJourney(
      'journey\n  title T\n  Wake up: 2: Me\n  Coffee: 4: Me\nsection Work\n  Mail: 1: Me',
    );
    expect(
      journey.sections.map((s) => ({
        name: s.name,
        rawName: s.rawName,
        line: s.line,
        tasks: s.tasks.length,
      })),
    ).toEqual([
      { name: 'Journey', rawName: '', line: 3, tasks: 2 },
      { name: 'Work', rawName: 'Work', line: 5, tasks: 1 },
    ]);
  });

  it('is case-insensitive for keywords, like Mermaid, and accepts CRLF line ends', () => {
    const journey = parseMermaidJourney(
      'Journey\r\n  TITLE Upper\r\n  Section A\r\n    T: 2: Me\r\n',
    );
    expect(journey.title).toBe('Upper');
    expect(journey.sections[0]!.name).toBe('A');
  });

  it('skips a %%{init}%% directive and a --- front-matter block before journey', () => {
    expect(
      parseMermaidJourney('%%{init: {"theme": "dark"}}%%\njourney\nsection A\n T: 1').sections[0]!
        .tasks[0]!.line,
    ).toBe(4);
    const journey = parseMermaidJourney(
      '---\ntitle: Front\nconfig:\n  theme: dark\n---\njourney\nsection A\n T: 1',
    );
    expect(journey.sections[0]!.line).toBe(7);
  });

  describe('errors', () => {
    it('requires the journey keyword on the first meaningful line (line 1)', () => {
      const error = syntaxError('title My day\nsection A\n  T: 5: Me');
      expect(error.line).toBe(1);
      expect(error.message).toMatch(/starts with the line "journey"/);
      expect(error.message).toContain('"title My day"');
      expect(syntaxError('').line).toBe(1);
      expect(syntaxError('%% only\n\nflowchart LR').line).toBe(3);
    });

    it('reports a task without a score with its line and an example', () => {
      const error = syntaxError(fixture('malformed.mmd'));
      expect(error.line).toBe(5);
      expect(error.message).toContain('a task needs a score: "Pay: 5: Me" (found "Go upstairs")');
      expect(syntaxError('journey\nsection A\n  Pay:\n').message).toMatch(
        /needs a score after its name/,
      );
      expect(syntaxError('journey\nsection A\n  Pay: : Me\n').line).toBe(3);
    });

    it('reports a non-numeric score with its line', () => {
      for (const score of ['five', '5a', '4,5', 'NaN', 'Infinity', '0x5']) {
        const error = syntaxError(`journey\n  title T\nsection A\n  Pay: ${score}: Me`);
        expect(error.line).toBe(4);
        expect(error.message).toContain(`score must be a number`);
        expect(error.message).toContain(`(found "${score}")`);
      }
    });

    it('reports an unclosed accDescr { at its opening line', () => {
      const error = syntaxError(
        'journey\n  title T\n  accDescr {\n    never closed\n  section A\n    T: 5: Me\n',
      );
      expect(error.line).toBe(3);
      expect(error.message).toMatch(/accDescr \{ is never closed/);
    });

    it('reports other malformed lines', () => {
      expect(syntaxError('journey\n  title\n').message).toMatch(/title needs a text/);
      expect(syntaxError('journey\n  section\n').message).toMatch(/section needs a name/);
      expect(syntaxError('journey\n  section A: 5\n').message).toMatch(
        /section name cannot contain ":"/,
      );
      expect(syntaxError('journey\n  accTitle:\n').message).toMatch(/accTitle needs a text/);
      expect(syntaxError('journey\n  accDescr:  \n').message).toMatch(/accDescr needs a text/);
      expect(syntaxError('journey\nsection A\n  : 5: Me').message).toMatch(/needs a name/);
      expect(syntaxError('journey\nsection A\n  Meet at 10: 30: 4: Me').message).toMatch(
        /at most two colons/,
      );
      expect(syntaxError('journey\njourney\n').line).toBe(2);
      expect(syntaxError('journey\naccDescr { text } extra\n').message).toMatch(
        /nothing can follow/,
      );
    });

    it('is an Error with a name, a line and no line in its message', () => {
      const error = syntaxError('journey\nsection A\n  Pay');
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('MermaidSyntaxError');
      expect(error.line).toBe(3);
      expect(error.message).not.toMatch(/^line/);
    });
  });
});

describe('isMermaidJourney', () => {
  it('is true when the first meaningful line is journey', () => {
    expect(isMermaidJourney('journey\n title x')).toBe(true);
    expect(isMermaidJourney('\n%% comment\n  journey %% trailing\n')).toBe(true);
    expect(isMermaidJourney('%%{init: {}}%%\nJOURNEY')).toBe(true);
    expect(isMermaidJourney('flowchart LR\n A --> B')).toBe(false);
    expect(isMermaidJourney('title x\njourney')).toBe(false);
    expect(isMermaidJourney('journeyx')).toBe(false);
    expect(isMermaidJourney('')).toBe(false);
  });
});

describe('mermaidToContentFiles', () => {
  const frontmatter = (text: string) =>
    parseYaml(/^---\n([\s\S]*?)---\n\n/.exec(text)![1]!) as Record<string, unknown>;

  it('makes schema-valid files from the rich example', () => {
    const files = mermaidToContentFiles(parseMermaidJourney(fixture('working-day.mmd')), {
      journeyId: 'working-day',
    });
    expect(files.map((f) => f.path)).toEqual([
      'journeys/working-day.mdx',
      'personas/me.mdx',
      'personas/cat.mdx',
      'stages/working-day/go-to-work.mdx',
      'stages/working-day/lunch-break.mdx',
      'stages/working-day/go-home.mdx',
      'touchpoints/working-day/touchpoints.yaml',
    ]);
    const byPath = new Map(files.map((f) => [f.path, f.text]));
    const journey = journeySchema.parse(frontmatter(byPath.get('journeys/working-day.mdx')!));
    expect(journey).toMatchObject({
      title: 'My working day',
      personas: ['me', 'cat'],
      state: 'current',
    });
    expect(journey.scenario).toContain('How the day feels');
    expect(personaSchema.parse(frontmatter(byPath.get('personas/cat.mdx')!))).toMatchObject({
      name: 'Cat',
      role: 'Imported from Mermaid',
    });
    expect(
      stageSchema.parse(frontmatter(byPath.get('stages/working-day/lunch-break.mdx')!)),
    ).toMatchObject({ journey: 'working-day', order: 2, name: 'Lunch break' });

    const listText = byPath.get('touchpoints/working-day/touchpoints.yaml')!;
    expect(listText).toContain('channel: website # TODO: set the channel');
    const list = touchpointListSchema.parse(parseYaml(listText));
    expect(list.journey).toBe('working-day');
    expect(list.touchpoints.map((t) => t.id)).toEqual([
      'working-day-make-tea',
      'working-day-go-upstairs',
      'working-day-do-work',
      'working-day-eat-at-the-cafe',
      'working-day-check-the-phone',
      'working-day-go-downstairs',
      'working-day-sit-down',
      'working-day-sit-down-2',
    ]);
    expect(list.touchpoints[2]).toMatchObject({
      title: 'Do work',
      stage: 'go-to-work',
      channel: 'website',
      emotion: 1,
      emotionByPersona: { me: 1, cat: 1 },
    });
    expect(list.touchpoints[3]).toMatchObject({
      title: 'Eat at the café',
      emotion: 4.5,
      emotionByPersona: { me: 4.5 },
    });
    expect(list.touchpoints[4]!.emotionByPersona).toEqual({});
  });

  it('uses a "customer" persona without actors, and no emotionByPersona with one actor', () => {
    const none = mermaidToContentFiles(parseMermaidJourney('journey\n  Wake up: 2\n'), {
      journeyId: 'morning',
    });
    expect(none.map((f) => f.path)).toEqual([
      'journeys/morning.mdx',
      'personas/customer.mdx',
      'stages/morning/journey.mdx',
      'touchpoints/morning/touchpoints.yaml',
    ]);
    expect(frontmatter(none[0]!.text)).toMatchObject({
      title: 'morning',
      personas: ['customer'],
      scenario: expect.stringMatching(/^TODO/),
    });
    const one = mermaidToContentFiles(
      parseMermaidJourney('journey\naccTitle: Acc\nsection A\n  T: 3: Giulia'),
      { journeyId: 'solo' },
    );
    expect(frontmatter(one[0]!.text).title).toBe('Acc');
    expect(one.at(-1)!.text).not.toContain('emotionByPersona');
  });

  it('maps scores onto another scale and quotes YAML-sensitive names', () => {
    expect(mapScore(1, { min: -2, max: 2 })).toBe(-2);
    expect(mapScore(4.5, { min: -2, max: 2 })).toBe(1.5);
    expect(mapScore(3)).toBe(3);
    expect(mapScore(9, { min: 1, max: 5 }, { min: 0, max: 10 })).toBe(4.6);
    expect(() =>
      mermaidToContentFiles(parseMermaidJourney('journey\n  T: 9\n'), { journeyId: 'nine' }),
    ).toThrow('score 9 (line 2) is outside 1-5');
    expect(
      mermaidToContentFiles(parseMermaidJourney('journey\n  T: 9\n'), {
        journeyId: 'nine',
        sourceScale: { min: 0, max: 10 },
      }).at(-1)!.text,
    ).toContain('emotion: 4.6');
    const files = mermaidToContentFiles(
      parseMermaidJourney(
        'journey\ntitle "Quoted" #1\nsection yes\n  - dash {x}: 5: O\'Brien, Zoë\n',
      ),
      { journeyId: 'q', scale: { min: -2, max: 2 } },
    );
    const list = touchpointListSchema.parse(parseYaml(files.at(-1)!.text));
    expect(list.touchpoints[0]).toMatchObject({
      title: '- dash {x}',
      stage: 'yes',
      emotion: 2,
      emotionByPersona: { 'o-brien': 2, zoe: 2 },
    });
    expect(frontmatter(files[0]!.text).title).toBe('"Quoted" #1');
    expect(
      stageSchema.parse(frontmatter(files.find((f) => f.path.startsWith('stages/'))!.text)).name,
    ).toBe('yes');
  });

  it('makes valid, unique ids', () => {
    expect(slugifyId('Città & Co.', 'x')).toBe('citta-co');
    expect(slugifyId('Lunch<br>break', 'x')).toBe('lunch-break');
    expect(slugifyId('😀', 'fallback')).toBe('fallback');
    expect(slugifyId('a'.repeat(30) + ' ' + 'b'.repeat(40), 'x')).toBe('a'.repeat(30));
    const files = mermaidToContentFiles(
      parseMermaidJourney('journey\nsection A\n  T: 1: Me, me, ME\nsection A\n  T: 2\n'),
      { journeyId: 'dup' },
    );
    expect(files.map((f) => f.path)).toContain('stages/dup/a-2.mdx');
    expect(files.map((f) => f.path)).toContain('personas/me-3.mdx');
    const compare = mermaidToContentFiles(
      parseMermaidJourney('journey\nsection Compare\n  T: 1\nsection Compare stage\n  U: 2\n'),
      { journeyId: 'cmp' },
    );
    expect(compare.map((f) => f.path).filter((p) => p.startsWith('stages/'))).toEqual([
      'stages/cmp/compare-stage.mdx',
      'stages/cmp/compare-stage-2.mdx',
    ]);
    expect(() =>
      mermaidToContentFiles(parseMermaidJourney('journey'), { journeyId: 'Not Valid' }),
    ).toThrow(/not a valid journey id/);
  });
});
