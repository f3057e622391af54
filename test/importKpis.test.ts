import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml, parseDocument } from 'yaml';
import {
  importKpiCsv,
  mergeKpiHistory,
  parseKpiCsv,
  parseKpiDate,
  parseLocaleNumber,
  type KpiCsvRow,
} from '../src/lib/import/kpis/index.ts';
import { validateContent } from '../src/lib/validate/index.ts';

const projectRoot = resolve(import.meta.dirname, '..');
const csvFixtures = join(projectRoot, 'test/fixtures/csv');

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const row = (kpi: string, date: string, value: number, line = 2): KpiCsvRow => ({
  kpi,
  date: day(date),
  value,
  line,
});

describe('parseLocaleNumber', () => {
  it.each([
    ['3,2', 3.2],
    ['1.234,5', 1234.5],
    ['3.2', 3.2],
    ['1,234.5', 1234.5],
    ['12%', 12],
    ['12 %', 12],
    ['€ 89,50', 89.5],
    ['$1,299.00', 1299],
    ['-0,5', -0.5],
    ['−0,5', -0.5],
    ['1.234.567', 1234567],
    ['1,234,567', 1234567],
    ['12.345.678,9', 12345678.9],
    ['1 234,5', 1234.5],
    ['1\u202f234,5', 1234.5],
    ['412000', 412000],
    [',5', 0.5],
    ['1.5e3', 1500],
    ['  7 ', 7],
  ])('reads %j as %d', (text, expected) => {
    expect(parseLocaleNumber(text)).toBeCloseTo(expected, 10);
  });

  it('reads a lone comma as a decimal comma', () => {
    expect(parseLocaleNumber('1,234')).toBe(1.234);
  });

  it.each([
    'garbage',
    '',
    '%',
    '€',
    '1,2,3',
    '1.23.4',
    '1.234,5,6',
    '12,34.5',
    '3,2a',
    'n/a',
    '1-2',
    '--1',
    '3.',
  ])('rejects %j', (text) => {
    expect(parseLocaleNumber(text)).toBeUndefined();
  });
});

describe('parseKpiDate', () => {
  it.each([
    ['2026-04-30', '2026-04-30'],
    ['30/04/2026', '2026-04-30'],
    ['5/4/2026', '2026-04-05'],
    ['30.04.2026', '2026-04-30'],
    ['2026-02', '2026-02-28'],
    ['2024-02', '2024-02-29'],
    ['2026-12', '2026-12-31'],
    ['20260430', '2026-04-30'],
    ['2026-04-30T00:00:00Z', '2026-04-30'],
    ['30/04/2026 00:00', '2026-04-30'],
    ['03/2026', '2026-03-31'],
    ['2/2024', '2024-02-29'],
    ['Mar 2026', '2026-03-31'],
    ['Sept 2026', '2026-09-30'],
    ['March 2026', '2026-03-31'],
    ['marzo 2026', '2026-03-31'],
    ['Dic 2026', '2026-12-31'],
    ['set-2026', '2026-09-30'],
    ['2026-W13', '2026-03-29'],
    ['2026W01', '2026-01-04'],
    ['2020-W53', '2021-01-03'],
    ['2025-W01', '2025-01-05'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseKpiDate(text)?.toISOString().slice(0, 10)).toBe(iso);
  });

  it.each([
    '31/02/2026',
    '2026-13',
    '2026-04-31',
    '04/30/2026',
    'Spring 2026',
    'Q2 2026',
    '13/2026',
    'Mrz 2026',
    '2026-W00',
    '2026-W54',
    '2027-W53',
    '202603',
    '',
  ])('rejects %j', (text) => {
    expect(parseKpiDate(text)).toBeUndefined();
  });
});

describe('parseKpiCsv', () => {
  it('reads an Italian export: ";" separator, decimal commas, Italian headers', () => {
    const { rows, problems } = parseKpiCsv(
      'indicatore;data;valore\nconversion-rate;31/01/2026;2,4\nconversion-rate;28/02/2026;"1.234,5"\n',
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      row('conversion-rate', '2026-01-31', 2.4, 2),
      row('conversion-rate', '2026-02-28', 1234.5, 3),
    ]);
  });

  it('reads an English export: "," separator, decimal points, quoted thousands', () => {
    const { rows, problems } = parseKpiCsv(
      'KPI ID,Date,Value\ncheckout-time,2026-01-31,95.5\ncheckout-time,2026-02-28,"1,234.5"\n',
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      row('checkout-time', '2026-01-31', 95.5, 2),
      row('checkout-time', '2026-02-28', 1234.5, 3),
    ]);
  });

  it('reads a tab-separated export with extra columns in another order', () => {
    const { rows, problems } = parseKpiCsv(
      'Mese\tSessioni\tValore\tName\n2026-03\t1.204\t3,1\tConversion rate\n',
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([row('Conversion rate', '2026-03-31', 3.1, 2)]);
  });

  it('ignores a BOM, CRLF line ends, blank lines and an Excel sep= line', () => {
    const bom = parseKpiCsv('\uFEFFkpi;date;value\r\n\r\nnps;2026-04-30;41\r\n');
    expect(bom).toEqual({ rows: [row('nps', '2026-04-30', 41, 3)], problems: [] });
    const sep = parseKpiCsv('sep=;\nkpi;date;value\nnps;2026-04-30;41,5\n');
    expect(sep).toEqual({ rows: [row('nps', '2026-04-30', 41.5, 3)], problems: [] });
  });

  it('reports every bad row with its line number and goes on', () => {
    const csv = [
      'indicatore;data;valore',
      'conversion-rate;31/01/2026;2,4',
      'conversion-rate;31/02/2026;2,5',
      '',
      'conversion-rate;30/04/2026;abc',
      ';30/04/2026;3',
      'conversion-rate;;',
      '"multi',
      'line";31/05/2026;3,3',
      'conversion-rate;30/06/2026;3,4',
    ].join('\n');
    const { rows, problems } = parseKpiCsv(csv);
    expect(rows).toEqual([
      row('conversion-rate', '2026-01-31', 2.4, 2),
      row('multi line', '2026-05-31', 3.3, 8),
      row('conversion-rate', '2026-06-30', 3.4, 10),
    ]);
    expect(problems).toEqual([
      {
        line: 3,
        message:
          '"31/02/2026" is not a date in column data (use YYYY-MM-DD, DD/MM/YYYY, DD.MM.YYYY, YYYYMMDD, a month (YYYY-MM, MM/YYYY, Mar 2026, marzo 2026) or an ISO week (2026-W13))',
      },
      { line: 5, message: '"abc" is not a number in column valore' },
      { line: 6, message: 'the KPI is missing in column indicatore' },
      {
        line: 7,
        message: 'the date is missing in column data; the value is missing in column valore',
      },
    ]);
  });

  it('reports a quote that is never closed, and keeps the rows before it', () => {
    const { rows, problems } = parseKpiCsv(
      'kpi,date,value\nnps,2026-04-30,41\nnps,"2026-05-31,42\nnps,2026-06-30,43\n',
    );
    expect(rows).toEqual([row('nps', '2026-04-30', 41, 2)]);
    expect(problems).toEqual([
      { line: 3, message: 'a quoted field starting here is never closed: a " is missing' },
    ]);
  });

  it('reports an unknown header layout on line 1 with the accepted column names', () => {
    const { rows, problems } = parseKpiCsv('metric;when;amount\nnps;2026-04-30;41\n');
    expect(rows).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(1);
    expect(problems[0]!.message).toContain('has no kpi, date, value column');
    expect(problems[0]!.message).toContain(
      'kpi (or id, kpi id, name, indicatore), date (or data, month, mese, period, periodo, week, settimana, day, giorno), value (or valore)',
    );
    expect(parseKpiCsv('').problems).toEqual([
      { line: 1, message: expect.stringContaining('the file is empty') },
    ]);
  });
});

describe('parseKpiCsv, wide exports', () => {
  it('reads a GA4-style export: # preamble, YYYYMMDD dates, one column per metric, the totals row left out', () => {
    const { rows, problems, columns } = parseKpiCsv(
      readFileSync(join(csvFixtures, 'ga4-wide-en.csv'), 'utf8'),
    );
    expect(problems).toEqual([]);
    expect(columns).toEqual({ names: ['Conversion rate', 'Checkout time', 'Views'], line: 10 });
    expect(rows.filter((r) => r.kpi === 'Conversion rate')).toEqual([
      row('Conversion rate', '2026-01-31', 2.4, 11),
      row('Conversion rate', '2026-02-28', 2.6, 12),
      row('Conversion rate', '2026-03-31', 2.95, 13),
    ]);
    expect(rows.some((r) => r.line === 14)).toBe(false);
  });

  it('reads an Italian export: ";" separator, decimal commas, Italian month names, "Totale" row', () => {
    const { rows, problems } = parseKpiCsv(
      readFileSync(join(csvFixtures, 'monthly-wide-it.csv'), 'utf8'),
    );
    expect(problems).toEqual([]);
    expect(rows.filter((r) => r.kpi === 'Tempo di checkout (s)')).toEqual([
      row('Tempo di checkout (s)', '2026-01-31', 95.5, 5),
      row('Tempo di checkout (s)', '2026-02-28', 88, 6),
      row('Tempo di checkout (s)', '2026-03-31', 84, 7),
    ]);
  });

  it('dates ISO weeks on their Sunday and leaves empty cells out', () => {
    const { rows, problems } = parseKpiCsv(
      'Week,Conversion rate,Checkout time\n2026-W13,2.9,\n2026-W14,3.05,70\n',
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      row('Conversion rate', '2026-03-29', 2.9, 2),
      row('Conversion rate', '2026-04-05', 3.05, 3),
      row('Checkout time', '2026-04-05', 70, 3),
    ]);
  });

  it('reports a date it cannot read and a value that is no number, with their lines', () => {
    const { rows, problems } = parseKpiCsv(
      '# export\nMonth;Conversion rate\nQ1 2026;2,4\nMar 2026;n/a\nApr 2026;3,1\n',
    );
    expect(rows).toEqual([row('Conversion rate', '2026-04-30', 3.1, 5)]);
    expect(problems).toEqual([
      {
        line: 3,
        message: expect.stringMatching(
          /^"Q1 2026" is not a date in column Month \(use YYYY-MM-DD, .*2026-W13\)\)$/,
        ),
      },
      { line: 4, message: '"n/a" is not a number in column Conversion rate' },
    ]);
  });

  it('says when a file holds nothing but its preamble', () => {
    expect(parseKpiCsv('# only a preamble\n\n').problems).toEqual([
      { line: 1, message: expect.stringContaining('the file has only comment or blank lines') },
    ]);
  });
});

const kpiFile = `# KPIs of the shoe shop, kept by the analytics team
journey: shoe-shop
kpis:
  - id: conversion-rate
    name: Conversion rate
    stage: buy
    unit: "%"
    value: 2.7 # from the April dashboard
    target: 3
    history:
      - date: 2026-03-31
        value: 2.6
      # January was a holiday month
      - date: 2026-01-31
        value: 2.1
  - id: checkout-time
    name: Checkout time
    stage: buy
    unit: s
    target: 60
    direction: lower-is-better
`;

describe('mergeKpiHistory', () => {
  it('adds, replaces and sorts samples, sets value, and keeps comments', () => {
    const doc = parseDocument(kpiFile);
    const { updated } = mergeKpiHistory(doc, [
      row('conversion-rate', '2026-04-30', 3.1),
      row('conversion-rate', '2026-02-28', 2.3),
      row('Conversion Rate', '2026-03-31', 2.65),
      row('unknown-kpi', '2026-03-31', 1),
    ]);
    expect(updated).toEqual([
      { id: 'conversion-rate', added: 2, replaced: 1, value: 3.1, valueChanged: true },
    ]);
    const text = doc.toString({ lineWidth: 0 });
    expect(text).toContain('# KPIs of the shoe shop, kept by the analytics team');
    expect(text).toContain('value: 3.1 # from the April dashboard');
    expect(text).toContain('# January was a holiday month');
    const kpi = (
      doc.toJS() as { kpis: { history: { date: string; value: number }[]; value: number }[] }
    ).kpis[0]!;
    expect(kpi.history).toEqual([
      { date: '2026-01-31', value: 2.1 },
      { date: '2026-02-28', value: 2.3 },
      { date: '2026-03-31', value: 2.65 },
      { date: '2026-04-30', value: 3.1 },
    ]);
    expect(kpi.value).toBe(3.1);
  });

  it('sets value to the newest sample even when the CSV only fills in older ones', () => {
    const doc = parseDocument(kpiFile);
    const { updated } = mergeKpiHistory(doc, [row('conversion-rate', '2025-12-31', 1.9)]);
    expect(updated).toEqual([
      { id: 'conversion-rate', added: 1, replaced: 0, value: 2.6, valueChanged: true },
    ]);
    expect(doc.getIn(['kpis', 0, 'value'])).toBe(2.6);
  });

  it('creates a history, matching the KPI by name, and leaves out value when the file had none', () => {
    const doc = parseDocument(kpiFile);
    const { updated } = mergeKpiHistory(doc, [row('checkout time', '2026-04-30', 75)]);
    expect(updated).toEqual([
      { id: 'checkout-time', added: 1, replaced: 0, value: 75, valueChanged: false },
    ]);
    expect(doc.toString()).toContain(
      '    direction: lower-is-better\n    history:\n      - date: 2026-04-30\n        value: 75\n',
    );
    expect(doc.getIn(['kpis', 1, 'value'])).toBeUndefined();
  });

  it('changes nothing for samples already there', () => {
    const doc = parseDocument(kpiFile);
    const { updated, changed } = mergeKpiHistory(doc, [
      row('conversion-rate', '2026-01-31', 2.1),
      row('conversion-rate', '2026-03-31', 2.6),
    ]);
    expect(updated).toEqual([
      { id: 'conversion-rate', added: 0, replaced: 0, value: 2.6, valueChanged: true },
    ]);
    expect(changed).toBe(true); // value 2.7 -> 2.6 and the history sorted
  });
});

describe('importKpiCsv', () => {
  const files = [
    { path: 'content/kpis/shoe-shop.yaml', text: kpiFile },
    {
      path: 'content/kpis/other.yaml',
      text: 'journey: other\nkpis:\n  - id: nps\n    name: Net promoter score\n    stage: after\n    target: 40\n    value: 38\n',
    },
  ];

  it('updates only the files holding the KPIs, with a report', () => {
    const result = importKpiCsv(
      'kpi;date;value\nconversion-rate;2026-04-30;3,1\nnps;2026-04-30;41\nnps;2026-03-31;39\n',
      files,
    );
    expect(result.problems).toEqual([]);
    expect(result.report).toEqual([
      'conversion-rate: +1 sample, value now 3.1',
      'nps: +2 samples, value now 41',
    ]);
    expect(result.files.map((f) => f.changed)).toEqual([true, true]);
    expect(result.files[1]!.text).toContain(
      'value: 41\n    history:\n      - date: 2026-03-31\n        value: 39\n      - date: 2026-04-30\n        value: 41\n',
    );
  });

  it('reports an unknown KPI with the closest ids, and changes no file', () => {
    const result = importKpiCsv(
      'kpi,date,value\nconversion-rate,2026-04-30,3.1\nconvresion-rate,2026-04-30,3.1\nconvresion-rate,2026-05-31,3.2\nChekout time,2026-04-30,70\nzzz,2026-04-30,1\n',
      files,
    );
    expect(result.problems).toEqual([
      {
        line: 3,
        message:
          'there is no KPI "convresion-rate" in the kpis/ files (2 rows): did you mean "conversion-rate"?',
      },
      {
        line: 5,
        message: 'there is no KPI "Chekout time" in the kpis/ files: did you mean "checkout-time"?',
      },
      {
        line: 6,
        message:
          'there is no KPI "zzz" in the kpis/ files: use one of the existing KPI ids: "conversion-rate", "checkout-time", "nps"',
      },
    ]);
    expect(result.files.every((f) => !f.changed)).toBe(true);
    expect(result.report).toEqual([]);
  });

  it('reports the same KPI and date with two values', () => {
    const result = importKpiCsv(
      'kpi;date;value\nnps;30/04/2026;41\nNet promoter score;2026-04-30;42\n',
      files,
    );
    expect(result.problems).toEqual([
      { line: 3, message: 'nps on 2026-04-30 is 42 here but 41 on line 2: keep one' },
    ]);
  });

  it('reports a KPI file that is not valid YAML', () => {
    const result = importKpiCsv('kpi;date;value\nnps;2026-04-30;41\n', [
      ...files,
      { path: 'content/kpis/broken.yaml', text: 'journey: x\nkpis: [\n' },
    ]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        file: 'content/kpis/broken.yaml',
        message: expect.stringContaining("can't be read"),
      }),
    ]);
  });
});

describe('npm run import -- kpis (end to end)', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Runs the CLI in a child process. Until scripts/import.ts dispatches `kpis`, the command
   * module is run directly with the same arguments.
   */
  function runImport(content: string, ...args: string[]) {
    const cli = join(projectRoot, 'scripts/import.ts');
    const wired = existsSync(cli) && readFileSync(cli, 'utf8').includes('importKpisCommand');
    const argv = wired
      ? ['scripts/import.ts', 'kpis', ...args]
      : [
          '--input-type=module',
          '-e',
          "import { importKpisCommand } from './scripts/importKpisCommand.ts'; process.exitCode = await importKpisCommand(process.argv.slice(1));",
          ...args,
        ];
    const result = spawnSync(process.execPath, argv, {
      cwd: projectRoot,
      env: { ...process.env, ITINERA_CONTENT: content },
      encoding: 'utf8',
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  function freshContent(): string {
    const dir = mkdtempSync(join(tmpdir(), 'itinera-import-'));
    made.push(dir);
    cpSync(join(projectRoot, 'test/fixtures/minimal'), dir, { recursive: true });
    return dir;
  }

  it('imports an Italian and an English export into a report that still validates', () => {
    const content = freshContent();
    const kpiPath = join(content, 'kpis/shoe-shop.yaml');
    const before = readFileSync(kpiPath, 'utf8');

    const dry = runImport(content, join(csvFixtures, 'conversion-rate-it.csv'), '--dry-run');
    expect(dry.stderr).toBe('');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('conversion-rate: +4 samples, value now 3.1');
    expect(readFileSync(kpiPath, 'utf8')).toBe(before);

    const italian = runImport(content, join(csvFixtures, 'conversion-rate-it.csv'));
    expect(italian.stderr).toBe('');
    expect(italian.status).toBe(0);
    expect(italian.stdout).toContain('conversion-rate: +4 samples, value now 3.1');

    const english = runImport(content, join(csvFixtures, 'checkout-time-en.csv'));
    expect(english.stderr).toBe('');
    expect(english.status).toBe(0);
    expect(english.stdout).toContain('checkout-time: +3 samples, value now 84');

    const again = runImport(content, join(csvFixtures, 'conversion-rate-it.csv'));
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('conversion-rate: up to date, value 3.1');

    const { problems, sources } = validateContent(content, content);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const kpi = (id: string) => sources!.kpis.find((k) => k.id === id)!.data;
    const samples = (id: string) =>
      kpi(id).history.map((s) => [s.date.toISOString().slice(0, 10), s.value]);
    expect(samples('conversion-rate')).toEqual([
      ['2026-01-31', 2.4],
      ['2026-02-28', 2.6],
      ['2026-03-31', 2.95],
      ['2026-04-30', 3.1],
    ]);
    expect(kpi('conversion-rate').value).toBe(3.1);
    expect(samples('checkout-time')).toEqual([
      ['2026-01-31', 95.5],
      ['2026-02-28', 88],
      ['2026-03-31', 84],
    ]);
    expect(kpi('checkout-time').value).toBe(84);
    // The rest of the file is as the author wrote it.
    expect(readFileSync(kpiPath, 'utf8')).toContain(
      '    unit: "%"\n    value: 3.1\n    target: 3\n    history:\n      - date: 2026-01-31\n',
    );
  });

  it('prints problems as FILE:LINE: message, exits 1 and writes nothing', () => {
    const content = freshContent();
    const kpiPath = join(content, 'kpis/shoe-shop.yaml');
    const before = readFileSync(kpiPath, 'utf8');
    const csv = join(content, 'bad.csv');
    writeFileSync(
      csv,
      'indicatore;data;valore\nconversion-rate;31/01/2026;2,4\nconversion-rate;28/02/2026;abc\nconverison-rate;31/03/2026;2,9\n',
    );
    const result = runImport(content, csv);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${csv}:3: "abc" is not a number in column valore`);
    expect(result.stderr).toContain(
      `${csv}:4: there is no KPI "converison-rate" in the kpis/ files: did you mean "conversion-rate"?`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(kpiPath, 'utf8')).toBe(before);
  });

  it('says what is wrong with the arguments, without a stack trace', () => {
    const content = freshContent();
    const missing = runImport(content, join(content, 'nope.csv'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('nope.csv does not exist');
    const none = runImport(content);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('Give the CSV file to import.');
    const unknown = runImport(content, 'x.csv', '--force');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("Unknown option '--force'");
    expect(`${missing.stderr}${none.stderr}${unknown.stderr}`).not.toMatch(/\n\s+at /);
  });

  /** A copy of the minimal report whose KPI file and report.yaml carry comments, to see them kept. */
  function commentedContent(): string {
    const content = freshContent();
    const kpiPath = join(content, 'kpis/shoe-shop.yaml');
    writeFileSync(
      kpiPath,
      `# KPIs of the shoe shop, kept by the analytics team\n${readFileSync(kpiPath, 'utf8').replace('value: 2.7', 'value: 2.7 # from the April dashboard')}`,
    );
    const reportPath = join(content, 'report.yaml');
    writeFileSync(
      reportPath,
      `# Settings of the minimal report\n${readFileSync(reportPath, 'utf8')}`,
    );
    return content;
  }

  const kpiSamples = (content: string, id: string) => {
    const { sources, problems } = validateContent(content, content);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const kpi = sources!.kpis.find((k) => k.id === id)!.data;
    return {
      value: kpi.value,
      history: kpi.history.map((s) => [s.date.toISOString().slice(0, 10), s.value]),
    };
  };

  it('imports a GA4 export with a # preamble and a totals row, once its unmapped column is mapped', () => {
    const content = commentedContent();
    const kpiPath = join(content, 'kpis/shoe-shop.yaml');
    const reportPath = join(content, 'report.yaml');
    const [kpisBefore, reportBefore] = [
      readFileSync(kpiPath, 'utf8'),
      readFileSync(reportPath, 'utf8'),
    ];
    const csv = join(csvFixtures, 'ga4-wide-en.csv');

    const unmapped = runImport(content, csv);
    expect(unmapped.status).toBe(1);
    expect(unmapped.stderr).toContain(
      `${csv}:10: column "Views" is not mapped to a KPI: Map it to a KPI id with --map "Views=<kpi id>" --save, or skip it with --map "Views=ignore" --save`,
    );
    expect(unmapped.stderr).toContain('1 problem: nothing was written');
    expect(readFileSync(kpiPath, 'utf8')).toBe(kpisBefore);

    const mapped = runImport(content, csv, '--map', 'Views=ignore');
    expect(mapped.stderr).toBe('');
    expect(mapped.status).toBe(0);
    expect(mapped.stdout).toContain('column "Conversion rate" → conversion-rate');
    expect(mapped.stdout).toContain('column "Views": skipped (mapped to "ignore")');
    expect(mapped.stdout).toContain('conversion-rate: +3 samples, value now 2.95');
    expect(mapped.stdout).toContain('checkout-time: +3 samples, value now 84');
    expect(kpiSamples(content, 'conversion-rate')).toEqual({
      value: 2.95,
      history: [
        ['2026-01-31', 2.4],
        ['2026-02-28', 2.6],
        ['2026-03-31', 2.95],
      ],
    });
    expect(kpiSamples(content, 'checkout-time').history).toEqual([
      ['2026-01-31', 95.5],
      ['2026-02-28', 88],
      ['2026-03-31', 84],
    ]);
    const written = readFileSync(kpiPath, 'utf8');
    expect(written).toContain('# KPIs of the shoe shop, kept by the analytics team\n');
    expect(written).toContain('value: 2.95 # from the April dashboard');
    expect(written).toContain('    history:\n      - date: 2026-01-31\n        value: 2.4\n');
    // Without --save, report.yaml is left alone.
    expect(readFileSync(reportPath, 'utf8')).toBe(reportBefore);
  });

  it('saves a mapping with --save and reuses it next month without flags (Italian export: ";" and decimal commas)', () => {
    const content = commentedContent();
    const reportPath = join(content, 'report.yaml');
    const march = join(csvFixtures, 'monthly-wide-it.csv');

    const unmapped = runImport(content, march);
    expect(unmapped.status).toBe(1);
    expect(unmapped.stderr).toContain(
      `${march}:4: column "Tasso di conversione" is not mapped to a KPI`,
    );
    expect(unmapped.stderr).toContain(
      `${march}:4: column "Tempo di checkout (s)" is not mapped to a KPI`,
    );

    const saved = runImport(
      content,
      march,
      '--map',
      'Tasso di conversione=conversion-rate',
      '--map',
      'Tempo di checkout (s)=checkout-time',
      '--save',
    );
    expect(saved.stderr).toBe('');
    expect(saved.status).toBe(0);
    expect(saved.stdout).toContain('conversion-rate: +3 samples, value now 2.95');
    const report = readFileSync(reportPath, 'utf8');
    expect(report).toMatch(/^# Settings of the minimal report\n/);
    expect(report).toContain(
      'kpiColumns:\n  Tasso di conversione: conversion-rate\n  Tempo di checkout (s): checkout-time\n',
    );

    const april = runImport(content, join(csvFixtures, 'april-wide-it.csv'));
    expect(april.stderr).toBe('');
    expect(april.status).toBe(0);
    expect(april.stdout).toContain('conversion-rate: +1 sample, value now 3.1');
    expect(april.stdout).toContain('checkout-time: +1 sample, value now 79.5');
    expect(kpiSamples(content, 'conversion-rate')).toEqual({
      value: 3.1,
      history: [
        ['2026-01-31', 2.4],
        ['2026-02-28', 2.6],
        ['2026-03-31', 2.95],
        ['2026-04-30', 3.1],
      ],
    });
    expect(kpiSamples(content, 'checkout-time').history.at(-1)).toEqual(['2026-04-30', 79.5]);
    expect(readFileSync(join(content, 'kpis/shoe-shop.yaml'), 'utf8')).toContain(
      '# KPIs of the shoe shop, kept by the analytics team\n',
    );
  });

  it('dates weekly figures on the Sunday ending the ISO week, and suggests the KPI a misspelt column means', () => {
    const content = freshContent();
    const weekly = runImport(content, join(csvFixtures, 'weekly-wide.csv'));
    expect(weekly.stderr).toBe('');
    expect(weekly.status).toBe(0);
    expect(kpiSamples(content, 'conversion-rate')).toEqual({
      value: 3.05,
      history: [
        ['2026-03-29', 2.9],
        ['2026-04-05', 3.05],
      ],
    });

    const typo = join(content, 'typo.csv');
    writeFileSync(typo, 'Week,Convresion rate\n2026-W15,3.1\n');
    const unmapped = runImport(content, typo);
    expect(unmapped.status).toBe(1);
    expect(unmapped.stderr).toContain(
      `${typo}:1: column "Convresion rate" is not mapped to a KPI: did you mean "conversion-rate"? Map it with --map "Convresion rate=conversion-rate" --save`,
    );
    const wrongId = runImport(content, typo, '--map', 'Convresion rate=conversion-rat');
    expect(wrongId.status).toBe(1);
    expect(wrongId.stderr).toContain(
      '--map "Convresion rate=conversion-rat": "Convresion rate" is mapped to "conversion-rat", which is no KPI in the kpis/ files: did you mean "conversion-rate"?',
    );
    const wrongColumn = runImport(content, typo, '--map', 'Conversion rate=conversion-rate');
    expect(wrongColumn.status).toBe(1);
    expect(wrongColumn.stderr).toContain(
      '--map "Conversion rate=conversion-rate": the export has no column or KPI named "Conversion rate": it has "Convresion rate"',
    );
  });
});

describe('deploy/kpi-refresh.yml', () => {
  const workflow = parseYaml(readFileSync(join(projectRoot, 'deploy/kpi-refresh.yml'), 'utf8')) as {
    on: { schedule: { cron: string }[] };
    jobs: {
      refresh: { steps: { run?: string; uses?: string; if?: string; id?: string }[] };
      deploy: { if: string; needs: string };
    };
  };

  it('runs on a schedule, imports the export, commits only a change, then builds and publishes', () => {
    expect(workflow.on.schedule[0]!.cron).toMatch(/^\S+ \S+ \S+ \* \*$/);
    const steps = workflow.jobs.refresh.steps;
    const at = (pattern: RegExp) => steps.findIndex((s) => pattern.test(s.run ?? s.uses ?? ''));
    const order = [
      /exports\/kpis\.csv/,
      /^npm run import -- kpis exports\/kpis\.csv$/,
      /^npm run check:content$/,
      /git diff --quiet -- content/,
      /^npm run build$/,
      /upload-pages-artifact/,
    ].map(at);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const commit = steps.find((s) => s.id === 'commit')!;
    expect(commit.run).toContain('git commit');
    for (const step of steps.slice(at(/^npm run build$/)))
      expect(step.if).toBe("steps.commit.outputs.changed == 'true'");
    expect(workflow.jobs.deploy.if).toBe("needs.refresh.outputs.changed == 'true'");
  });
});
