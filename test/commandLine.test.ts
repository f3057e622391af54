import { describe, expect, it } from 'vitest';
import {
  parseCommandLine,
  parseScale,
  UsageError,
  usageErrorText,
} from '../src/lib/commandLine.ts';

const options = {
  journey: { type: 'string' },
  scale: { type: 'string' },
  force: { type: 'boolean' },
} as const;
const parse = (...args: string[]) =>
  parseCommandLine(args, options, { command: 'npm run import -- mermaid', usage: 'Usage: …' });

/** The UsageError `run` throws. */
function usageError(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('no UsageError');
}

describe('parseCommandLine', () => {
  it('reads options and positionals, and takes "-2..2" after a string option as its value', () => {
    expect(parse('file.mmd', '--scale', '-2..2', '--force')).toEqual({
      values: { scale: '-2..2', force: true },
      positionals: ['file.mmd'],
    });
  });

  it('turns every option mistake into one line, followed by the usage', () => {
    const unknown = usageError(() => parse('f', '--jounrey', 'x'));
    expect(unknown.message).toBe(
      'Unknown option --jounrey for `npm run import -- mermaid`: did you mean --journey? The options are --journey, --scale, --force.',
    );
    expect(usageErrorText(unknown)).toBe(`✗ ${unknown.message}\n\nUsage: …`);
    expect(usageError(() => parse('f', '--locale', 'it')).message).toBe(
      'Unknown option --locale for `npm run import -- mermaid`: the options are --journey, --scale, --force.',
    );
    expect(usageError(() => parse('f', '--journey')).message).toBe(
      '--journey needs a value, e.g. --journey <value> (or --journey=<value>).',
    );
    expect(usageError(() => parse('f', '--force=yes')).message).toBe(
      '--force takes no value: write just --force.',
    );
    for (const error of [unknown, usageError(() => parse('-x'))])
      expect(error.message).not.toContain('\n');
  });
});

describe('parseScale', () => {
  it('reads 1-5, 0-10, -2..2, -2..+2 and "1 to 7"', () => {
    expect(parseScale('1-5')).toEqual({ min: 1, max: 5 });
    expect(parseScale('0-10')).toEqual({ min: 0, max: 10 });
    expect(parseScale('-2..2')).toEqual({ min: -2, max: 2 });
    expect(parseScale('-2..+2')).toEqual({ min: -2, max: 2 });
    expect(parseScale('1 to 7')).toEqual({ min: 1, max: 7 });
  });

  it('refuses what is not a range from low to high', () => {
    for (const text of ['5-1', 'ten', '3', '2-2'])
      expect(() => parseScale(text)).toThrow(`--scale "${text}" is not a scale`);
  });
});
