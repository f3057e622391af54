import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../src/lib/problems.ts';
import { formatProblems } from '../src/lib/problems.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { copyFixture, copyFutureStateFixture, projectRoot } from './helpers/build.ts';
import { editorFor, type Editor } from './helpers/editContent.ts';

/** One broken variant of test/fixtures/minimal and the problem it must produce. */
interface BrokenCase {
  name: string;
  break: (edit: Editor) => void;
  expected: Omit<Partial<Problem>, 'message'> & { message: string | RegExp };
  /** The expected problem must be the only error. */
  only?: boolean;
}

const TP = 'touchpoints/shoe-shop/touchpoints.yaml';
const KPIS = 'kpis/shoe-shop.yaml';
const SEARCH = 'touchpoints/shoe-shop/search.mdx';

const cases: BrokenCase[] = [
  // Syntax
  {
    name: 'invalid YAML in report.yaml',
    break: (e) => e.replace('report.yaml', 'client: Fixture Shoes', 'client: [Fixture'),
    expected: { file: 'report.yaml', message: /^invalid YAML/ },
  },
  {
    name: 'invalid YAML in frontmatter',
    break: (e) => e.replace('personas/anna.mdx', 'role: Runner, 30', 'role: "Runner'),
    expected: { file: 'personas/anna.mdx', message: /^invalid YAML/ },
  },
  {
    name: 'a key written twice',
    break: (e) =>
      e.replace('report.yaml', 'author: Test Agency', 'author: Test Agency\ntitle: Again'),
    expected: { file: 'report.yaml', line: 4, message: /^invalid YAML: Map keys must be unique/ },
  },
  {
    name: 'MDX file without frontmatter',
    break: (e) => e.write('stages/shoe-shop/buy.mdx', 'Anna pays.\n'),
    expected: { file: 'stages/shoe-shop/buy.mdx', line: 1, message: 'the file has no frontmatter' },
  },
  // Schema
  {
    name: 'missing required field',
    break: (e) => e.replace('personas/anna.mdx', 'name: Anna\n', ''),
    expected: {
      file: 'personas/anna.mdx',
      field: 'name',
      line: 2,
      message: 'required field is missing',
    },
  },
  {
    name: 'missing journey scenario',
    break: (e) =>
      e.replace('journeys/shoe-shop.mdx', 'scenario: Anna needs new running shoes.\n', ''),
    expected: {
      file: 'journeys/shoe-shop.mdx',
      field: 'scenario',
      message: 'required field is missing',
    },
  },
  {
    name: 'wrong type: text for a stage order',
    break: (e) => e.replace('stages/shoe-shop/discover.mdx', 'order: 1', 'order: first'),
    expected: {
      file: 'stages/shoe-shop/discover.mdx',
      field: 'order',
      line: 3,
      message: 'wrong type of value',
      expected: 'a number',
    },
  },
  {
    name: 'wrong type: text for a KPI target',
    break: (e) => e.replace(KPIS, 'target: 3', 'target: "3 %"'),
    expected: {
      file: KPIS,
      field: 'kpis[0].target',
      line: 8,
      message: 'wrong type of value',
      found: '"3 %" (text)',
    },
  },
  {
    name: 'wrong type: text for an emotion',
    break: (e) => e.replace(TP, 'emotion: 4.5', 'emotion: happy'),
    expected: {
      file: TP,
      field: 'touchpoints[0].emotion',
      line: 7,
      message: 'wrong type of value',
    },
  },
  {
    name: 'out of range: effort 9',
    break: (e) => e.replace(TP, 'effort: 2', 'effort: 9'),
    expected: {
      file: TP,
      field: 'touchpoints[1].opportunities[0].effort',
      line: 21,
      message: 'value out of range',
      expected: 'a number at most 5',
    },
  },
  {
    name: 'out of range: emotion 7',
    break: (e) => e.replace(TP, 'emotion: 4.5', 'emotion: 7'),
    expected: {
      file: TP,
      field: 'touchpoints[0].emotion',
      line: 7,
      message: 'emotion score out of range',
    },
  },
  {
    name: 'out of range: tolerance 2',
    break: (e) => e.replace('report.yaml', 'researchSources:', 'kpiTolerance: 2\nresearchSources:'),
    expected: {
      file: 'report.yaml',
      field: 'kpiTolerance',
      line: 7,
      message: 'value out of range',
    },
  },
  {
    name: 'unknown enum: journey state',
    break: (e) =>
      e.replace('journeys/shoe-shop.mdx', 'personas: [anna]', 'personas: [anna]\nstate: curent'),
    expected: {
      file: 'journeys/shoe-shop.mdx',
      field: 'state',
      line: 4,
      message: 'unknown value',
      hint: 'did you mean "current"?',
    },
  },
  {
    name: 'unknown enum: channel kind',
    break: (e) =>
      e.write('channels.yaml', 'channels:\n  - id: kiosk\n    name: Kiosk\n    kind: hybrid\n'),
    expected: {
      file: 'channels.yaml',
      field: 'channels[0].kind',
      line: 4,
      message: 'unknown value',
    },
  },
  {
    name: 'unknown enum: research method',
    break: (e) => e.replace('report.yaml', 'method: interviews', 'method: focus-group'),
    expected: {
      file: 'report.yaml',
      field: 'researchSources[0].method',
      line: 10,
      message: 'unknown value',
    },
  },
  // References
  {
    name: 'dangling persona in a journey',
    break: (e) => e.replace('journeys/shoe-shop.mdx', 'personas: [anna]', 'personas: [ana]'),
    expected: {
      file: 'journeys/shoe-shop.mdx',
      field: 'personas[0]',
      line: 3,
      message: 'unknown persona "ana"',
      hint: 'did you mean "anna"?',
    },
  },
  {
    name: 'dangling journey in a stage',
    break: (e) => e.replace('stages/shoe-shop/buy.mdx', 'journey: shoe-shop', 'journey: shoe-shp'),
    expected: {
      file: 'stages/shoe-shop/buy.mdx',
      field: 'journey',
      line: 2,
      message: 'unknown journey "shoe-shp"',
      hint: 'did you mean "shoe-shop"?',
    },
  },
  {
    name: 'dangling journey in a touchpoint',
    break: (e) => e.replace(SEARCH, 'journey: shoe-shop', 'journey: shoes'),
    expected: { file: SEARCH, field: 'journey', line: 2, message: 'unknown journey "shoes"' },
  },
  {
    name: 'dangling journey in a touchpoint list',
    break: (e) => e.replace(TP, 'journey: shoe-shop', 'journey: shop'),
    expected: { file: TP, field: 'journey', line: 1, message: 'unknown journey "shop"' },
  },
  {
    name: 'dangling stage in a touchpoint',
    break: (e) => e.replace(SEARCH, 'stage: discover', 'stage: discovery'),
    expected: {
      file: SEARCH,
      field: 'stage',
      line: 4,
      message: 'journey "shoe-shop" has no stage "discovery"',
      hint: 'did you mean "discover"?',
    },
  },
  {
    name: 'dangling channel',
    break: (e) => e.replace(TP, 'channel: ecommerce', 'channel: e-commerce'),
    expected: {
      file: TP,
      field: 'touchpoints[1].channel',
      line: 12,
      message: 'unknown channel "e-commerce"',
      hint: 'did you mean "ecommerce"?',
    },
  },
  {
    name: 'dangling research source',
    break: (e) => e.replace(SEARCH, 'source: interviews', 'source: interview'),
    expected: {
      file: SEARCH,
      field: 'evidence[0].source',
      line: 8,
      message: 'unknown research source "interview"',
    },
  },
  {
    name: 'dangling stage in a KPI',
    break: (e) => e.replace(KPIS, 'stage: buy', 'stage: purchase'),
    expected: {
      file: KPIS,
      field: 'kpis[0].stage',
      line: 5,
      message: 'journey "shoe-shop" has no stage "purchase"',
    },
  },
  {
    name: 'dangling journey in a KPI list',
    break: (e) => e.replace(KPIS, 'journey: shoe-shop', 'journey: shoe'),
    expected: { file: KPIS, field: 'journey', line: 1, message: 'unknown journey "shoe"' },
  },
  {
    name: 'dangling preferred channel',
    break: (e) => e.replace('personas/anna.mdx', '[ecommerce, store]', '[ecommerce, shop]'),
    expected: {
      file: 'personas/anna.mdx',
      field: 'preferredChannels[1]',
      line: 5,
      message: 'unknown channel "shop"',
    },
  },
  {
    name: 'score for a persona not in the journey',
    break: (e) => e.replace(SEARCH, 'emotion: 3.5', 'emotion: 3.5\nemotionByPersona:\n  bob: 3'),
    expected: {
      file: SEARCH,
      field: 'emotionByPersona.bob',
      line: 8,
      message: 'persona "bob" is not in journey "shoe-shop"',
    },
  },
  {
    name: 'cross-reference to an unknown id',
    break: (e) =>
      e.replace(
        'journeys/shoe-shop.mdx',
        'The whole journey.',
        'The whole journey of [[persona:ana]].',
      ),
    expected: {
      file: 'journeys/shoe-shop.mdx',
      line: 7,
      message: 'cross-reference to an unknown persona "ana"',
      hint: 'did you mean [[persona:anna]]?',
    },
  },
  {
    name: 'malformed Mermaid journey in a page',
    break: (e) =>
      e.replace(
        'journeys/shoe-shop.mdx',
        'The whole journey.',
        'The whole journey.\n\n```mermaid\njourney\n  section Buy\n    Pay\n```',
      ),
    expected: {
      file: 'journeys/shoe-shop.mdx',
      line: 12,
      field: 'mermaid journey',
      message: /a task needs a score/,
    },
  },
  // Uniqueness and structure
  {
    name: 'duplicate touchpoint id across an MDX file and a list',
    break: (e) => e.replace(TP, 'id: store-fitting', 'id: search'),
    expected: {
      file: TP,
      field: 'touchpoints[0].id',
      line: 3,
      message: 'duplicate touchpoint id "search"',
    },
  },
  {
    name: 'duplicate KPI id',
    break: (e) => e.replace(KPIS, 'id: checkout-time', 'id: conversion-rate'),
    expected: {
      file: KPIS,
      field: 'kpis[1].id',
      line: 9,
      message: 'duplicate KPI id "conversion-rate"',
    },
  },
  {
    name: 'duplicate research source id',
    break: (e) =>
      e.replace(
        'report.yaml',
        '    sampleSize: 12',
        '    sampleSize: 12\n  - id: interviews\n    title: More interviews\n    method: interviews',
      ),
    expected: {
      file: 'report.yaml',
      field: 'researchSources[1].id',
      line: 12,
      message: 'duplicate research source id "interviews"',
    },
  },
  {
    name: 'duplicate channel id',
    break: (e) =>
      e.write(
        'channels.yaml',
        'channels:\n  - { id: kiosk, name: Kiosk, kind: offline }\n  - { id: kiosk, name: Kiosk 2, kind: offline }\n',
      ),
    expected: {
      file: 'channels.yaml',
      field: 'channels[1].id',
      line: 3,
      message: 'duplicate channel id "kiosk"',
    },
  },
  {
    name: 'duplicate stage order',
    break: (e) => e.replace('stages/shoe-shop/buy.mdx', 'order: 2', 'order: 1'),
    expected: {
      file: 'stages/shoe-shop/discover.mdx',
      field: 'order',
      line: 3,
      message: 'duplicate stage order 1 in journey "shoe-shop"',
    },
  },
  {
    name: 'journey with no stages',
    break: (e) =>
      e.write(
        'journeys/returns.mdx',
        '---\ntitle: Returns\npersonas: [anna]\nscenario: Anna returns shoes.\n---\n',
      ),
    expected: { file: 'journeys/returns.mdx', message: 'the journey has no stages' },
  },
  {
    name: 'stage with no touchpoints (warning)',
    break: (e) =>
      e.write(
        'stages/shoe-shop/care.mdx',
        '---\njourney: shoe-shop\norder: 3\nname: Care\ncustomerGoal: Get help.\n---\n',
      ),
    expected: {
      severity: 'warning',
      file: 'stages/shoe-shop/care.mdx',
      message: 'the stage has no touchpoints',
    },
  },
  {
    name: 'KPI target with no value',
    break: (e) => e.replace(KPIS, '    value: 2.7\n', ''),
    expected: { file: KPIS, field: 'kpis[0].value', message: 'the KPI has a target but no value' },
  },
  {
    name: 'unknown field (typo) is a warning with the closest field',
    break: (e) => e.replace(TP, 'emotion: 2', 'emotion: 2\n    emotoin: 3'),
    expected: {
      severity: 'warning',
      file: TP,
      field: 'touchpoints[1].emotoin',
      line: 14,
      message: 'unknown field, ignored',
      hint: 'did you mean "emotion"?',
    },
  },
  {
    name: 'avatar image that does not exist',
    break: (e) =>
      e.replace(
        'personas/anna.mdx',
        'quote:',
        'avatar: ./anna.jpg\navatarAlt: Anna smiling\nquote:',
      ),
    expected: {
      file: 'personas/anna.mdx',
      field: 'avatar',
      line: 4,
      message: 'image file not found',
    },
  },
  {
    name: 'avatar without text alternative',
    break: (e) => {
      e.write('personas/anna.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
      e.replace('personas/anna.mdx', 'quote:', 'avatar: ./anna.svg\nquote:');
    },
    expected: {
      file: 'personas/anna.mdx',
      field: 'avatar',
      message: 'the avatar has no text alternative',
    },
  },
  {
    name: 'file in a folder Itinera does not read',
    break: (e) => e.write('persona/bob.mdx', '---\nname: Bob\nrole: Dad\n---\n'),
    expected: {
      file: 'persona/bob.mdx',
      message: 'this file is in a folder Itinera does not read',
    },
  },
  {
    name: 'file name that is not an id',
    break: (e) => e.move('personas/anna.mdx', 'personas/Anna Rossi.mdx'),
    expected: { file: 'personas/Anna Rossi.mdx', message: 'the file name is not a valid id' },
  },
  {
    name: 'a second report file',
    break: (e) =>
      e.write(
        'report.yml',
        'title: Copy\nclient: C\nauthor: A\ndate: 2026-01-01\nversion: "1"\nsummary: S\n',
      ),
    expected: { file: 'report.yml', message: 'a second report file' },
  },
  {
    name: 'stage file in another journey folder (warning)',
    break: (e) => e.move('stages/shoe-shop/buy.mdx', 'stages/other/buy.mdx'),
    expected: {
      severity: 'warning',
      file: 'stages/other/buy.mdx',
      field: 'journey',
      message: 'the stage belongs to journey "shoe-shop" but sits in folder "other"',
    },
  },
];

const FUTURE = 'journeys/shoe-shop-future.mdx';
const FUTURE_TP = 'touchpoints/shoe-shop-future/touchpoints.yaml';
const FUTURE_KPIS = 'kpis/shoe-shop-future.yaml';

/** Broken variants of the minimal report with the future state of test/fixtures/future-state. */
const futureCases: BrokenCase[] = [
  {
    name: 'improves on a current-state journey',
    break: (e) => e.replace(FUTURE, 'state: future\n', ''),
    expected: {
      file: FUTURE,
      line: 5,
      field: 'improves',
      message: 'only a future-state journey can improve another journey',
      hint: 'add "state: future" to this journey, or remove "improves:"',
    },
  },
  {
    name: 'improves names an unknown journey',
    break: (e) => e.replace(FUTURE, 'improves: shoe-shop', 'improves: shoe-shopp'),
    expected: {
      file: FUTURE,
      line: 6,
      field: 'improves',
      message: 'unknown journey "shoe-shopp"',
      hint: 'did you mean "shoe-shop"?',
    },
  },
  {
    name: 'improves names a future-state journey',
    break: (e) => e.replace(FUTURE, 'improves: shoe-shop', 'improves: shoe-shop-future'),
    expected: {
      file: FUTURE,
      field: 'improves',
      message: 'journey "shoe-shop-future" is not a current-state journey',
    },
  },
  {
    name: 'touchpoint improves one of another journey',
    break: (e) => e.replace(FUTURE_TP, 'improves: search', 'improves: serch'),
    expected: {
      file: FUTURE_TP,
      line: 5,
      field: 'touchpoints[0].improves',
      message: 'journey "shoe-shop" has no touchpoint "serch"',
      hint: 'did you mean "search"?',
    },
  },
  {
    name: 'touchpoint improves although its journey improves nothing',
    break: (e) => e.replace(FUTURE, 'improves: shoe-shop\n', ''),
    expected: {
      file: FUTURE_TP,
      field: 'touchpoints[0].improves',
      message: "this touchpoint's journey does not improve a current-state journey",
    },
  },
  {
    name: 'a wrong journey reference is reported once, not on every touchpoint',
    break: (e) => e.replace(FUTURE, 'improves: shoe-shop', 'improves: shoe-shopp'),
    expected: { file: FUTURE, message: 'unknown journey "shoe-shopp"' },
    only: true,
  },
  {
    name: 'addresses an unknown opportunity',
    break: (e) => e.replace(FUTURE_TP, 'addresses: [offer-paypal]', 'addresses: [offer-paypall]'),
    expected: {
      file: FUTURE_TP,
      line: 14,
      field: 'touchpoints[1].addresses[0]',
      message: 'unknown opportunity "offer-paypall"',
      hint: 'did you mean "offer-paypal"?',
    },
  },
  {
    name: 'a current-state touchpoint addresses an opportunity',
    break: (e) => e.replace(TP, 'emotion: 4.5', 'emotion: 4.5\n    addresses: [offer-paypal]'),
    expected: {
      file: TP,
      field: 'touchpoints[0].addresses',
      message: 'only touchpoints of a future-state journey can address opportunities',
    },
  },
  {
    name: 'duplicate opportunity id',
    break: (e) =>
      e.replace(
        FUTURE_TP,
        '      - Too many e-mails',
        '      - Too many e-mails\n    opportunities:\n      - id: offer-paypal\n        title: Fewer e-mails\n        customerValue: 3\n        businessValue: 2\n        effort: 1',
      ),
    expected: {
      file: TP,
      line: 17,
      field: 'touchpoints[1].opportunities[0].id',
      message: 'duplicate opportunity id "offer-paypal"',
      found: `also used in ${FUTURE_TP} (touchpoints[2].opportunities[0])`,
    },
  },
  {
    name: 'future KPI improves an unknown KPI',
    break: (e) => e.replace(FUTURE_KPIS, 'improves: checkout-time', 'improves: checkout-tme'),
    expected: {
      file: FUTURE_KPIS,
      line: 10,
      field: 'kpis[1].improves',
      message: 'journey "shoe-shop" has no KPI "checkout-tme"',
      hint: 'did you mean "checkout-time"?',
    },
  },
  {
    name: 'future KPI without value and without counterpart',
    break: (e) => e.replace(FUTURE_KPIS, 'name: Conversion rate', 'name: Basket size'),
    expected: {
      file: FUTURE_KPIS,
      field: 'kpis[0].value',
      message:
        "the future-state KPI has no value and no current-state KPI to take today's value from",
    },
  },
  {
    name: 'two future touchpoints improve the same one (warning)',
    break: (e) =>
      e.replace(FUTURE_TP, 'title: Pays online', 'title: Pays online\n    improves: search'),
    expected: {
      severity: 'warning',
      file: FUTURE_TP,
      field: 'touchpoints[1].improves',
      message: 'touchpoint "search" is already improved by "fit-finder"',
    },
  },
  {
    name: 'two future KPIs improve the same one (warning)',
    break: (e) => {
      e.replace(FUTURE_KPIS, 'improves: checkout-time', 'improves: checkout-time\n    value: 80');
      e.replace(
        FUTURE_KPIS,
        'name: Conversion rate',
        'name: Conversion rate\n    improves: checkout-time',
      );
    },
    expected: {
      severity: 'warning',
      file: FUTURE_KPIS,
      field: 'kpis[1].improves',
      message: 'KPI "checkout-time" is already improved by another KPI of this journey',
    },
  },
  {
    name: 'duplicate report version',
    break: (e) =>
      e.replace(
        'report.yaml',
        'version: "0.1"',
        'version: "0.1"\nversions:\n  - version: "0.1"\n    date: 2026-01-15\n  - version: "0.1"\n    date: 2026-02-15',
      ),
    expected: {
      file: 'report.yaml',
      line: 9,
      field: 'versions[1].version',
      message: 'duplicate version "0.1"',
    },
  },
];

function expectReported(dir: string, c: BrokenCase) {
  c.break(editorFor(dir));
  const { problems, ok } = validateContent(dir, dir);
  const { message, ...rest } = c.expected;
  expect(problems, formatProblems(problems)).toContainEqual(
    expect.objectContaining({
      severity: 'error',
      ...rest,
      message: typeof message === 'string' ? message : expect.stringMatching(message),
    }),
  );
  expect(ok).toBe(c.expected.severity === 'warning');
  if (c.only)
    expect(
      problems.filter((p) => p.severity === 'error'),
      formatProblems(problems),
    ).toHaveLength(1);
}

describe('every broken fixture is reported with file, field and line', () => {
  it('has at least 30 cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));

  for (const c of cases) it(c.name, () => expectReported(copyFixture(), c));
  for (const c of futureCases)
    it(`future state: ${c.name}`, () => expectReported(copyFutureStateFixture(), c));
});

describe('npm run check', () => {
  it('prints every problem without building and exits 1 on errors', () => {
    const dir = copyFixture();
    const e = editorFor(dir);
    e.replace(SEARCH, 'channel: search', 'channel: serch');
    e.replace(TP, 'emotion: 4.5', 'emotion: 4.5\n    emotoin: 3');
    const run = spawnSync(process.execPath, ['scripts/check.ts'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, ITINERA_CONTENT: dir },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /error {2}\S*touchpoints\/shoe-shop\/search\.mdx:5 {2}channel\n {2}unknown channel "serch"/,
    );
    expect(run.stdout).toContain('did you mean "emotion"?');
    expect(run.stdout).toContain('1 error, 1 warning');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
