import { describe, expect, it } from 'vitest';
import { formatProblems, type Problem } from '../src/lib/problems.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { copyFixture, copyFutureStateFixture } from './helpers/build.ts';
import { editorFor, type Editor } from './helpers/editContent.ts';

/** A mistake in a copy of test/fixtures/minimal and every problem it must give: no more, no fewer. */
interface ExactCase {
  name: string;
  future?: boolean;
  break: (edit: Editor) => void;
  problems: Partial<Problem>[];
}

const TP = 'touchpoints/shoe-shop/touchpoints.yaml';
const SEARCH = 'touchpoints/shoe-shop/search.mdx';
const JOURNEY = 'journeys/shoe-shop.mdx';
const KPIS = 'kpis/shoe-shop.yaml';
const BOB = '---\nname: Bob\nrole: Walker, 60\n---\n';

const dateExpected = 'a date written YYYY-MM-DD, e.g. 2026-10-05';

const cases: ExactCase[] = [
  // Dates: nothing but YYYY-MM-DD is read as a date.
  {
    name: 'a date written day/month/year',
    break: (e) => e.replace(JOURNEY, 'scenario:', 'lastReviewed: 05/10/2026\nscenario:'),
    problems: [
      {
        severity: 'error',
        file: JOURNEY,
        line: 4,
        field: 'lastReviewed',
        message: 'not a date in the form YYYY-MM-DD',
        expected: dateExpected,
        found: '"05/10/2026" (text)',
        hint: 'write 2026-10-05 for 5 October, or 2026-05-10 for 10 May',
      },
    ],
  },
  {
    name: 'a date written as a month in words',
    break: (e) => e.replace(JOURNEY, 'scenario:', 'lastReviewed: ottobre 2026\nscenario:'),
    problems: [
      {
        severity: 'error',
        file: JOURNEY,
        line: 4,
        field: 'lastReviewed',
        message: 'not a date in the form YYYY-MM-DD',
        found: '"ottobre 2026" (text)',
      },
    ],
  },
  {
    name: 'a day that is not in the calendar',
    break: (e) => e.replace('report.yaml', 'date: 2026-01-15', 'date: 2026-02-30'),
    problems: [
      {
        severity: 'error',
        file: 'report.yaml',
        line: 4,
        field: 'date',
        message: 'not a date in the form YYYY-MM-DD',
        hint: 'that day is not in the calendar: check the month and the day',
      },
    ],
  },
  {
    name: 'a KPI history date written day.month.year',
    break: (e) =>
      e.replace(
        KPIS,
        '    value: 2.7\n',
        '    history:\n      - date: 30.04.2026\n        value: 2.7\n',
      ),
    problems: [
      {
        severity: 'error',
        file: KPIS,
        line: 8,
        field: 'kpis[0].history[0].date',
        message: 'not a date in the form YYYY-MM-DD',
        hint: 'write 2026-04-30 for 30 April',
      },
    ],
  },
  {
    name: 'a date given as a number',
    break: (e) => e.replace('report.yaml', 'date: 2026-01-15', 'date: 2026'),
    problems: [
      {
        severity: 'error',
        file: 'report.yaml',
        line: 4,
        field: 'date',
        message: 'wrong type of value',
        expected: 'a date (YYYY-MM-DD)',
        found: '2026 (number)',
      },
    ],
  },
  // Unquoted text cut at " #".
  {
    name: 'a hashtag in an unquoted title of a YAML list',
    break: (e) =>
      e.replace(
        TP,
        'title: Tries shoes in the store',
        'title: Vede un reel su Instagram #ebike & città',
      ),
    problems: [
      {
        severity: 'warning',
        file: TP,
        line: 4,
        field: 'touchpoints[0].title',
        message:
          'the text stops before "#ebike & città": YAML reads " #" and what follows as a comment',
        found: '"Vede un reel su Instagram"',
        hint: 'put the whole value in quotes: title: "Vede un reel su Instagram #ebike & città"',
      },
    ],
  },
  {
    name: 'a hashtag in an unquoted title of MDX frontmatter',
    break: (e) =>
      e.replace(
        SEARCH,
        'title: Searches for running shoes',
        'title: Vede un reel su Instagram #ebike & città',
      ),
    problems: [
      {
        severity: 'warning',
        file: SEARCH,
        line: 3,
        field: 'title',
        message:
          'the text stops before "#ebike & città": YAML reads " #" and what follows as a comment',
      },
    ],
  },
  {
    name: 'a "#1" in an unquoted pain point of a list',
    break: (e) => e.replace(TP, '- Card declined twice', '- Card declined #1 reason'),
    problems: [
      {
        severity: 'warning',
        file: TP,
        line: 15,
        field: 'touchpoints[1].painPoints[0]',
        hint: 'put the whole value in quotes: - "Card declined #1 reason"',
      },
    ],
  },
  {
    name: 'a hex colour written without quotes, read as nothing',
    break: (e) =>
      e.replace(
        'report.yaml',
        'researchSources:',
        'branding:\n  primaryColor: #1d4e89\nresearchSources:',
      ),
    problems: [
      {
        severity: 'error',
        file: 'report.yaml',
        line: 8,
        field: 'branding.primaryColor',
        message: 'wrong type of value',
        found: 'an empty value',
        hint: 'put the whole value in quotes: primaryColor: "#1d4e89"',
      },
    ],
  },
  {
    name: 'real comments: on their own line, after a number, after text with a space',
    break: (e) => {
      e.replace(TP, 'touchpoints:', '# Interviews of May\ntouchpoints:');
      e.replace(TP, 'emotion: 4.5', 'emotion: 4.5 #survey-average');
      e.replace(
        SEARCH,
        'title: Searches for running shoes',
        'title: Searches for running shoes # checked with the client',
      );
      e.replace(JOURNEY, 'title: Buying running shoes', 'title: "Buying running shoes #2026"');
    },
    problems: [],
  },
  // One mistake, one error at its cause.
  {
    name: 'a persona file named with a capital',
    break: (e) => e.move('personas/anna.mdx', 'personas/Anna.mdx'),
    problems: [
      {
        severity: 'error',
        file: 'personas/Anna.mdx',
        message: 'the file name is not a valid id',
        found: '"Anna.mdx"',
        hint: 'rename it to "anna.mdx": its name is the id used in links and references',
      },
    ],
  },
  {
    name: 'a persona file named with an accent',
    break: (e) => e.move('personas/anna.mdx', 'personas/annà.mdx'),
    problems: [
      {
        severity: 'error',
        file: 'personas/annà.mdx',
        message: 'the file name is not a valid id',
        hint: 'rename it to "anna.mdx": its name is the id used in links and references',
      },
    ],
  },
  {
    name: 'a persona file named with a capital, and named so where it is used',
    break: (e) => {
      e.move('personas/anna.mdx', 'personas/Anna.mdx');
      e.replace(JOURNEY, 'personas: [anna]', 'personas: [Anna]');
      e.replace(SEARCH, 'emotion: 3.5', 'emotion: 3.5\nemotionByPersona:\n  Anna: 3');
    },
    problems: [
      {
        severity: 'error',
        file: 'personas/Anna.mdx',
        message: 'the file name is not a valid id',
        hint: `rename it to "anna.mdx": its name is the id used in links and references; then write "anna" where it is named: ${JOURNEY}:3, ${SEARCH}:8`,
      },
    ],
  },
  {
    name: 'a misnamed persona file lists the places that name it, file by file',
    break: (e) => {
      e.move('personas/anna.mdx', 'personas/Anna.mdx');
      e.replace(TP, 'emotion: 4.5', 'emotion: 4.5\n    emotionByPersona:\n      Anna: 4');
      e.replace(TP, 'emotion: 2', 'emotion: 2\n    emotionByPersona:\n      Anna: 3');
    },
    problems: [
      {
        severity: 'error',
        file: 'personas/Anna.mdx',
        hint: `rename it to "anna.mdx": its name is the id used in links and references; then write "anna" where it is named: ${TP} (lines 9, 17)`,
      },
    ],
  },
  {
    name: 'a key of emotionByPersona that is not an id',
    break: (e) =>
      e.replace(TP, 'emotion: 4.5', 'emotion: 4.5\n    emotionByPersona:\n      Anna: 4'),
    problems: [
      {
        severity: 'error',
        file: TP,
        line: 9,
        field: 'touchpoints[0].emotionByPersona.Anna',
        message: 'the key "Anna" is not a valid id',
        expected: 'lower-case letters, digits and hyphens, e.g. "store-visit"',
        found: '"Anna"',
        hint: 'write "anna"',
      },
    ],
  },
  {
    name: 'a broken list item leaves the others checked, at their own lines',
    break: (e) => {
      e.replace(TP, 'emotion: 4.5', 'emotion: 4.5\n    emotionByPersona:\n      Anna: 4');
      e.replace(TP, 'channel: ecommerce', 'channel: e-commerce');
    },
    problems: [
      {
        severity: 'error',
        file: TP,
        line: 9,
        field: 'touchpoints[0].emotionByPersona.Anna',
        message: 'the key "Anna" is not a valid id',
      },
      {
        severity: 'error',
        file: TP,
        line: 14,
        field: 'touchpoints[1].channel',
        message: 'unknown channel "e-commerce"',
        hint: 'did you mean "ecommerce"?',
      },
    ],
  },
  {
    name: 'a stage that fails is not reported again by its touchpoints and KPIs',
    break: (e) => e.replace('stages/shoe-shop/buy.mdx', 'order: 2', 'order: second'),
    problems: [
      {
        severity: 'error',
        file: 'stages/shoe-shop/buy.mdx',
        line: 3,
        field: 'order',
        message: 'wrong type of value',
      },
    ],
  },
  {
    name: 'a journey that fails is not reported again by its stages, touchpoints and KPIs',
    break: (e) => e.replace(JOURNEY, 'scenario: Anna needs new running shoes.\n', ''),
    problems: [
      { severity: 'error', file: JOURNEY, field: 'scenario', message: 'required field is missing' },
    ],
  },
  {
    name: 'a touchpoint that fails leaves its stage without a false "no touchpoints" warning',
    break: (e) => e.replace(TP, 'emotion: 2', 'emotion: bad'),
    problems: [
      {
        severity: 'error',
        file: TP,
        line: 13,
        field: 'touchpoints[1].emotion',
        message: 'wrong type of value',
      },
    ],
  },
  {
    name: 'a touchpoint list whose journey is not an id leaves its stages without false warnings',
    break: (e) => e.replace(TP, 'journey: shoe-shop', 'journey: Shoe Shop'),
    problems: [
      {
        severity: 'error',
        file: TP,
        line: 1,
        field: 'journey',
        message: 'not a valid id',
        found: '"Shoe Shop"',
        hint: 'write "shoe-shop"',
      },
    ],
  },
  {
    name: 'a channel that fails is not reported again by the touchpoints on it',
    break: (e) => {
      e.write('channels.yaml', 'channels:\n  - id: kiosk\n    name: Kiosk\n    kind: hybrid\n');
      e.replace(TP, 'channel: store', 'channel: kiosk');
    },
    problems: [
      {
        severity: 'error',
        file: 'channels.yaml',
        line: 4,
        field: 'channels[0].kind',
        message: 'unknown value',
      },
    ],
  },
  {
    name: 'a future-state journey that fails is not reported again by its touchpoints and KPIs',
    future: true,
    break: (e) =>
      e.replace(
        'journeys/shoe-shop-future.mdx',
        'state: future',
        'state: future\nlastReviewed: 2026/10/05',
      ),
    problems: [
      {
        severity: 'error',
        file: 'journeys/shoe-shop-future.mdx',
        line: 6,
        field: 'lastReviewed',
        message: 'not a date in the form YYYY-MM-DD',
      },
    ],
  },
  // Did-you-mean never renames a key that is right.
  {
    name: 'a score for a persona of the report that the journey does not list',
    break: (e) => {
      e.write('personas/bob.mdx', BOB);
      e.replace(SEARCH, 'emotion: 3.5', 'emotion: 3.5\nemotionByPersona:\n  bob: 3');
    },
    problems: [
      {
        severity: 'error',
        file: SEARCH,
        line: 8,
        field: 'emotionByPersona.bob',
        message: 'persona "bob" is not in journey "shoe-shop"',
        hint: 'add "bob" to the personas of journey "shoe-shop", or remove this score',
      },
    ],
  },
  {
    name: 'a journey that misspells a persona whose scores are keyed right',
    break: (e) => {
      e.write('personas/bob.mdx', BOB);
      e.replace(JOURNEY, 'personas: [anna]', 'personas: [anna, bobb]');
      e.replace(SEARCH, 'emotion: 3.5', 'emotion: 3.5\nemotionByPersona:\n  bob: 3');
    },
    problems: [
      {
        severity: 'error',
        file: JOURNEY,
        line: 3,
        field: 'personas[1]',
        message: 'unknown persona "bobb"',
        hint: 'did you mean "bob"?',
      },
    ],
  },
  {
    name: 'an "id:" in a touchpoint file, right in a list, is not offered a rename to "evidence"',
    break: (e) => e.replace(SEARCH, 'title:', 'id: search\ntitle:'),
    problems: [
      {
        severity: 'warning',
        file: SEARCH,
        line: 3,
        field: 'id',
        message: 'unknown field, ignored',
        hint: expect.stringMatching(/^known fields: title, /) as string,
      },
    ],
  },
];

describe('one mistake gives exactly its own problems, at its cause', () => {
  for (const c of cases) {
    it(c.name, () => {
      const dir = c.future ? copyFutureStateFixture() : copyFixture();
      c.break(editorFor(dir));
      const { problems } = validateContent(dir, dir);
      expect(problems, formatProblems(problems)).toHaveLength(c.problems.length);
      c.problems.forEach((expected) =>
        expect(problems, formatProblems(problems)).toContainEqual(
          expect.objectContaining(expected),
        ),
      );
    });
  }
});

describe('dates', () => {
  it('reads a quoted or unquoted YYYY-MM-DD as that day, in UTC', () => {
    const dir = copyFixture();
    editorFor(dir).replace(JOURNEY, 'scenario:', 'lastReviewed: "2026-10-05"\nscenario:');
    const { sources, problems } = validateContent(dir, dir);
    expect(problems).toEqual([]);
    expect(sources!.journeys[0]!.data.lastReviewed?.toISOString()).toBe('2026-10-05T00:00:00.000Z');
    expect(sources!.report.data.date.toISOString()).toBe('2026-01-15T00:00:00.000Z');
  });
});
