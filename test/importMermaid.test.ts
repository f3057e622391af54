import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { RESERVED_STAGE_IDS } from '../src/lib/paths.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { projectRoot } from './helpers/build.ts';

const mermaidFixtures = 'test/fixtures/mermaid';

describe('npm run import -- mermaid', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh copy of the minimal report. */
  function freshContent(): string {
    const dir = mkdtempSync(join(tmpdir(), 'itinera-mermaid-'));
    made.push(dir);
    cpSync(join(projectRoot, 'test/fixtures/minimal'), dir, { recursive: true });
    return dir;
  }

  function runImport(content: string, ...args: string[]) {
    const result = spawnSync(process.execPath, ['scripts/import.ts', ...args], {
      cwd: projectRoot,
      env: { ...process.env, ITINERA_CONTENT: content },
      encoding: 'utf8',
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  const errorsOf = (content: string) =>
    validateContent(content, content).problems.filter((p) => p.severity === 'error');

  it('imports the rich example into a report that validates', () => {
    const content = freshContent();
    const run = runImport(content, 'mermaid', `${mermaidFixtures}/working-day.mmd`);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const path of [
      'journeys/my-working-day.mdx',
      'personas/me.mdx',
      'personas/cat.mdx',
      'stages/my-working-day/go-to-work.mdx',
      'touchpoints/my-working-day/touchpoints.yaml',
    ]) {
      expect(run.stdout).toContain(join(content, path));
      expect(existsSync(join(content, path))).toBe(true);
    }
    expect(run.stdout).toContain('npm run check');

    const result = validateContent(content, content);
    expect(errorsOf(content)).toEqual([]);
    const sources = result.sources!;
    const journey = sources.journeys.find((j) => j.id === 'my-working-day')!;
    expect(journey.data).toMatchObject({
      title: 'My working day',
      personas: ['me', 'cat'],
      state: 'current',
    });
    const stages = sources.stages
      .filter((s) => s.data.journey === 'my-working-day')
      .sort((a, b) => a.data.order - b.data.order);
    expect(stages.map((s) => [s.id, s.data.order, s.data.name])).toEqual([
      ['my-working-day/go-to-work', 1, 'Go to work'],
      ['my-working-day/lunch-break', 2, 'Lunch break'],
      ['my-working-day/go-home', 3, 'Go home'],
    ]);
    const touchpoints = sources.touchpoints.filter((t) => t.data.journey === 'my-working-day');
    expect(touchpoints.map((t) => [t.id, t.data.stage, t.data.emotion])).toEqual([
      ['my-working-day-make-tea', 'go-to-work', 5],
      ['my-working-day-go-upstairs', 'go-to-work', 3],
      ['my-working-day-do-work', 'go-to-work', 1],
      ['my-working-day-eat-at-the-cafe', 'lunch-break', 4.5],
      ['my-working-day-check-the-phone', 'lunch-break', 3],
      ['my-working-day-go-downstairs', 'go-home', 5],
      ['my-working-day-sit-down', 'go-home', 5],
      ['my-working-day-sit-down-2', 'go-home', 4],
    ]);
    expect(touchpoints[2]!.data.emotionByPersona).toEqual({ me: 1, cat: 1 });
    expect(
      readFileSync(join(content, 'touchpoints/my-working-day/touchpoints.yaml'), 'utf8'),
    ).toContain('channel: website # TODO: set the channel');
  });

  it('refuses to overwrite on a second run, naming every file, unless --force', () => {
    const content = freshContent();
    const file = `${mermaidFixtures}/working-day.mmd`;
    expect(runImport(content, 'mermaid', file).status).toBe(0);
    const stagePath = join(content, 'stages/my-working-day/go-to-work.mdx');
    writeFileSync(
      stagePath,
      readFileSync(stagePath, 'utf8').replace('TODO: describe', 'Edited by hand:'),
    );

    const again = runImport(content, 'mermaid', file);
    expect(again.status).toBe(1);
    for (const path of [
      'journeys/my-working-day.mdx',
      'stages/my-working-day/go-to-work.mdx',
      'stages/my-working-day/lunch-break.mdx',
      'stages/my-working-day/go-home.mdx',
      'touchpoints/my-working-day/touchpoints.yaml',
    ]) {
      expect(again.stderr).toContain(join(content, path));
    }
    expect(again.stderr).not.toContain('personas/');
    expect(again.stderr).toContain('--force');
    expect(again.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(stagePath, 'utf8')).toContain('Edited by hand:');

    const personaPath = join(content, 'personas/me.mdx');
    writeFileSync(
      personaPath,
      readFileSync(personaPath, 'utf8').replace('TODO: a short bio', 'My own bio'),
    );
    const forced = runImport(content, 'mermaid', file, '--force');
    expect(forced.status).toBe(0);
    expect(forced.stdout.toLowerCase()).toContain('kept existing persona me');
    expect(forced.stdout.toLowerCase()).toContain('kept existing persona cat');
    expect(readFileSync(stagePath, 'utf8')).not.toContain('Edited by hand:');
    expect(readFileSync(personaPath, 'utf8')).toContain('My own bio');
    expect(errorsOf(content)).toEqual([]);
  });

  it('reports a malformed diagram as FILE:LINE and writes nothing', () => {
    const content = freshContent();
    const file = `${mermaidFixtures}/malformed.mmd`;
    const run = runImport(content, 'mermaid', file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `${file}:5: a task needs a score: "Pay: 5: Me" (found "Go upstairs")`,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
    expect(existsSync(join(content, 'journeys/broken-day.mdx'))).toBe(false);
  });

  it('takes the first journey block of a Markdown file and keeps existing personas', () => {
    const content = freshContent();
    const annaBefore = readFileSync(join(content, 'personas/anna.mdx'), 'utf8');
    const run = runImport(
      content,
      'mermaid',
      `${mermaidFixtures}/notes.md`,
      '--journey',
      'online-order',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.toLowerCase()).toContain('kept existing persona anna');
    expect(readFileSync(join(content, 'personas/anna.mdx'), 'utf8')).toBe(annaBefore);
    expect(errorsOf(content)).toEqual([]);
    const list = parseYaml(
      readFileSync(join(content, 'touchpoints/online-order/touchpoints.yaml'), 'utf8'),
    ) as { touchpoints: { id: string; stage: string; emotion: number }[] };
    expect(list.touchpoints.map((t) => [t.id, t.stage, t.emotion])).toEqual([
      ['online-order-find-the-model', 'order', 4],
      ['online-order-pay', 'order', 5],
      ['online-order-wait-for-the-e-mail', 'collect', 2],
      ['online-order-pick-up', 'collect', 3],
    ]);
  });

  it('gives lines within the Markdown file, defaults the id to the file name, and maps scores to the report scale', () => {
    const content = freshContent();
    const dir = mkdtempSync(join(tmpdir(), 'itinera-mermaid-src-'));
    made.push(dir);
    const broken = join(dir, 'notes.mdx');
    writeFileSync(broken, '# Notes\n\n```mermaid\njourney\n  section A\n    Pay: lots: Me\n```\n');
    const bad = runImport(content, 'mermaid', broken);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`${broken}:6: a task's score must be a number`);

    const reportPath = join(content, 'report.yaml');
    writeFileSync(
      reportPath,
      `${readFileSync(reportPath, 'utf8')}emotionScale:\n  min: -2\n  max: 2\n`,
    );
    const untitled = join(dir, 'Café Visit.mmd');
    writeFileSync(untitled, 'journey\n  Order: 1\n  Drink: 4.5\n');
    const run = runImport(content, 'mermaid', untitled);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(join(content, 'personas/customer.mdx'));
    const list = parseYaml(
      readFileSync(join(content, 'touchpoints/cafe-visit/touchpoints.yaml'), 'utf8'),
    ) as { touchpoints: { stage: string; emotion: number }[] };
    expect(list.touchpoints).toMatchObject([
      { stage: 'journey', emotion: -2 },
      { stage: 'journey', emotion: 1.5 },
    ]);
    // The fixture's own touchpoints are on 1-5 and now out of range; the imported files are fine.
    expect(errorsOf(content).filter((p) => !p.file.includes('shoe-shop'))).toEqual([]);
  });

  /** A diagram file written into a fresh temporary folder. */
  function diagram(name: string, text: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'itinera-mermaid-src-'));
    made.push(dir);
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  }

  it('never writes a stage id the site keeps for a page of its own: it picks another and says so', () => {
    const reserved = Object.keys(RESERVED_STAGE_IDS);
    expect(reserved).toContain('compare');
    for (const word of reserved) {
      const content = freshContent();
      const name = word[0]!.toUpperCase() + word.slice(1);
      const run = runImport(
        content,
        'mermaid',
        diagram(
          'shop.mmd',
          `journey\n  title Shop\n  section Search\n    Find: 3: Me\n  section ${name}\n    Look: 4: Me\n`,
        ),
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(
        `Section "${name}" is stage ${word}-stage: journeys/shop/${word}/ is`,
      );
      expect(existsSync(join(content, `stages/shop/${word}-stage.mdx`))).toBe(true);
      expect(existsSync(join(content, `stages/shop/${word}.mdx`))).toBe(false);
      expect(errorsOf(content)).toEqual([]);
    }
  });

  it('stops at a score outside 1-5 with its line and the --scale fix, writing nothing; with --scale it rescales', () => {
    const content = freshContent();
    const file = diagram(
      'supply.mmd',
      'journey\n  title Supply chain\n  section Plan\n    Forecast: 3: Buyer\n    Order: 9: Buyer\n  section Deliver\n    Receive: 8: Buyer\n',
    );
    const run = runImport(content, 'mermaid', file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${file}:5: score 9 is outside 1-5 (also outside: line 7)`);
    expect(run.stderr).toContain(`npm run import -- mermaid ${file} --scale 0-10`);
    expect(run.stderr).toContain('Nothing was written');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
    expect(existsSync(join(content, 'journeys/supply-chain.mdx'))).toBe(false);
    expect(existsSync(join(content, 'personas/buyer.mdx'))).toBe(false);

    const rescaled = runImport(content, 'mermaid', file, '--scale', '0-10');
    expect(rescaled.stderr).toBe('');
    expect(rescaled.status).toBe(0);
    expect(rescaled.stdout).toContain("scores mapped from 0-10 onto the report's 1 to 5");
    const list = parseYaml(
      readFileSync(join(content, 'touchpoints/supply-chain/touchpoints.yaml'), 'utf8'),
    ) as { touchpoints: { emotion: number }[] };
    expect(list.touchpoints.map((t) => t.emotion)).toEqual([2.2, 4.6, 4.2]);
    expect(errorsOf(content)).toEqual([]);

    const narrow = runImport(content, 'mermaid', file, '--scale', '1-7', '--journey', 'other');
    expect(narrow.status).toBe(1);
    expect(narrow.stderr).toContain(`${file}:5: score 9 is outside 1-7`);
    expect(narrow.stderr).toContain('run from 3 to 9; the --scale given is 1-7.');
    expect(narrow.stderr).toContain(`--scale 0-10`);

    const signed = runImport(content, 'mermaid', file, '--scale', '-2..2', '--journey', 'other');
    expect(signed.stderr).toContain(`${file}:4: score 3 is outside -2..2`);
    expect(signed.stderr).toContain('the --scale given is -2..2.');
  });

  it('rescales a diagram on -2..+2 given as --scale -2..2 onto a report on 1-5', () => {
    const content = freshContent();
    const run = runImport(
      content,
      'mermaid',
      diagram('signed.mmd', 'journey\n  section A\n    Low: -2\n    High: 2\n'),
      '--scale',
      '-2..2',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const list = parseYaml(
      readFileSync(join(content, 'touchpoints/signed/touchpoints.yaml'), 'utf8'),
    ) as { touchpoints: { emotion: number }[] };
    expect(list.touchpoints.map((t) => t.emotion)).toEqual([1, 5]);
  });

  it('refuses a diagram without tasks (the journey would have no stages), writing nothing', () => {
    const content = freshContent();
    const file = diagram('empty.mmd', 'journey\n  title Empty\n  section Later\n');
    const run = runImport(content, 'mermaid', file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${file}:1: the diagram has no tasks`);
    expect(existsSync(join(content, 'journeys/empty.mdx'))).toBe(false);
  });

  it("rejects a section name with a colon (Mermaid's grammar does too), with its line", () => {
    const content = freshContent();
    const file = diagram('steps.mmd', 'journey\n  section Step 1: Context\n    Read: 3\n');
    const run = runImport(content, 'mermaid', file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${file}:2: a section name cannot contain ":"`);
    expect(run.stdout).toBe('');
  });

  it('explains usage errors without a stack trace', () => {
    const content = freshContent();
    const none = runImport(content);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('mermaid');
    const unknown = runImport(content, 'pdf', 'x.pdf');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Unknown subcommand "pdf"');
    const missing = runImport(content, 'mermaid', 'nope.mmd');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('nope.mmd does not exist');
    const badId = runImport(
      content,
      'mermaid',
      `${mermaidFixtures}/working-day.mmd`,
      '--journey',
      'Bad Id',
    );
    expect(badId.status).toBe(1);
    expect(badId.stderr).toContain('not a valid id');
    const badFlag = runImport(
      content,
      'mermaid',
      `${mermaidFixtures}/working-day.mmd`,
      '--sacle',
      '0-10',
    );
    expect(badFlag.status).toBe(1);
    expect(badFlag.stderr).toMatch(
      /^✗ Unknown option --sacle for `npm run import -- mermaid`: did you mean --scale\? The options are --journey, --scale, --force, --help\.\n\nUsage: npm run import -- mermaid FILE/,
    );
    const badScale = runImport(
      content,
      'mermaid',
      `${mermaidFixtures}/working-day.mmd`,
      '--scale',
      'ten',
    );
    expect(badScale.stderr).toContain('--scale "ten" is not a scale');
    const kpisFlag = runImport(content, 'kpis', 'x.csv', '--nope');
    expect(kpisFlag.status).toBe(1);
    expect(kpisFlag.stderr).toMatch(/^✗ .*--nope.*\n\nUsage: npm run import -- kpis/);
    expect(
      `${none.stderr}${unknown.stderr}${missing.stderr}${badId.stderr}${badFlag.stderr}${badScale.stderr}${kpisFlag.stderr}`,
    ).not.toMatch(/\n\s+at /);
  });
});
