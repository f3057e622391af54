/**
 * Command-line options of `npm run new` and `npm run import`, read with Node's `parseArgs` but
 * with messages for people: every mistake is a UsageError of one line, which the scripts print
 * with their usage and never with a stack trace.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { editDistance } from './closest.ts';

/**
 * A mistake on the command line; `message` says what is wrong and how to fix it, `usage` (when
 * set) is the command's usage, printed after it.
 */
export class UsageError extends Error {
  readonly usage?: string;

  constructor(message: string, usage?: string) {
    super(message);
    this.usage = usage;
  }
}

/** How a script prints a UsageError: `✗ message`, then the usage when there is one. */
export const usageErrorText = (error: UsageError): string =>
  `✗ ${error.message}${error.usage ? `\n\n${error.usage}` : ''}`;

/** `-2..2`, `-0.5`: a value that starts with a minus and a digit, not an option. */
const NEGATIVE_VALUE = /^-\d/;

/**
 * `--scale -2..2` as `--scale=-2..2`: parseArgs would refuse a value starting with "-",
 * but a minus and a digit can only be a value.
 */
function joinNegativeValues(args: string[], options: ParseArgsOptionsConfig): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = args[i]!.startsWith('--') ? args[i]!.slice(2) : undefined;
    const next = args[i + 1];
    if (
      name !== undefined &&
      options[name]?.type === 'string' &&
      next !== undefined &&
      NEGATIVE_VALUE.test(next)
    ) {
      joined.push(`${args[i]}=${next}`);
      i++;
    } else joined.push(args[i]!);
  }
  return joined;
}

/** A slip of the keyboard: one letter off, or two neighbours swapped (`--sacle`); `--locale` is no `--scale`. */
function isTypo(typed: string, name: string): boolean {
  if (editDistance(typed, name) <= 1) return true;
  const differ = [...typed].flatMap((letter, i) => (letter === name[i] ? [] : [i]));
  return (
    typed.length === name.length &&
    differ.length === 2 &&
    differ[1] === differ[0]! + 1 &&
    typed[differ[0]!] === name[differ[1]] &&
    typed[differ[1]] === name[differ[0]!]
  );
}

/** One line for parseArgs's error: the option at fault, what is wrong, and the options there are. */
function describe(error: Error, options: ParseArgsOptionsConfig, command: string): string {
  const names = Object.keys(options);
  const listed = names.map((name) => `--${name}`).join(', ');
  const unknown = /Unknown option '(-{1,2})([^']*)'/.exec(error.message);
  if (unknown) {
    const close = names.find((name) => isTypo(unknown[2]!, name));
    const hint = close ? `did you mean --${close}? The options are` : 'the options are';
    return `Unknown option ${unknown[1]}${unknown[2]} for \`${command}\`: ${hint} ${listed}.`;
  }
  const option = /'(--[\w-]+)/.exec(error.message)?.[1];
  if (option && /argument missing|ambiguous/.test(error.message))
    return `${option} needs a value, e.g. ${option} <value> (or ${option}=<value>).`;
  if (option && /does not take an argument/.test(error.message))
    return `${option} takes no value: write just ${option}.`;
  return error.message.split('\n')[0]!;
}

/**
 * The options and positionals of `args`; throws UsageError (one line, then `usage`) for an
 * unknown option (naming the options `command` has), a missing value or a value given to a switch.
 */
export function parseCommandLine<const T extends ParseArgsOptionsConfig>(
  args: string[],
  options: T,
  { command, usage }: { command: string; usage: string },
) {
  try {
    return parseArgs({
      args: joinNegativeValues(args, options),
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    if (
      error instanceof Error &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    )
      throw new UsageError(describe(error, options, command), usage);
    throw error;
  }
}

/** A range of scores written `1-5`, `0-10`, `-2..2`, `-2..+2` or `1 to 7`. */
const RANGE = /^\s*([+-]?\d+(?:\.\d+)?)\s*(?:\.\.|-|–|to)\s*([+-]?\d+(?:\.\d+)?)\s*$/i;

/** The `{ min, max }` of a `--scale` value; UsageError when it is not a range with min below max. */
export function parseScale(text: string, option = '--scale'): { min: number; max: number } {
  const match = RANGE.exec(text);
  const min = Number(match?.[1]);
  const max = Number(match?.[2]);
  if (!match || !(min < max))
    throw new UsageError(
      `${option} "${text}" is not a scale: write the lowest and highest score, e.g. ${option} 1-5, ${option} 0-10 or ${option} -2..2.`,
    );
  return { min, max };
}
