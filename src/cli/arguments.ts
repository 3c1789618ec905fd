import { UsageError } from './cliErrors.ts';

/** The command line after flags are taken out. */
export interface ParsedArguments {
  readonly command: string | undefined;
  /** Everything after the command that is not a flag, in order. */
  readonly positionals: readonly string[];
  readonly json: boolean;
  /** `check`: also look for redundant rules in table problems (slow on large ones). */
  readonly redundant: boolean;
  /** `check`: every finding that would let a mistake ship is an error (what publishing requires). */
  readonly strict: boolean;
  /** `compile`: where to write the artifact. */
  readonly output: string | undefined;
  readonly help: boolean;
}

const FLAGS = ['--json', '--redundant', '--strict', '-o <file>', '--output <file>', '--help'];

/** Splits the arguments into the command, its positional arguments and the flags. */
export function parseArguments(argv: readonly string[]): ParsedArguments {
  const positionals: string[] = [];
  let json = false;
  let redundant = false;
  let strict = false;
  let help = false;
  let output: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (argument === '--json') json = true;
    else if (argument === '--redundant') redundant = true;
    else if (argument === '--strict') strict = true;
    else if (argument === '--help' || argument === '-h') help = true;
    else if (argument === '-o' || argument === '--output') {
      const value = argv[index + 1];
      if (value === undefined || value.startsWith('-')) throw new UsageError(`${argument} needs a file name, e.g. ${argument} dist/sneaker.diagram.json`);
      output = value;
      index++;
    } else if (argument.startsWith('--output=')) output = argument.slice('--output='.length);
    else if (argument.startsWith('-') && argument.length > 1) throw new UsageError(`unknown option "${argument}"; known options: ${FLAGS.join(', ')}`);
    else positionals.push(argument);
  }
  const [command, ...rest] = positionals;
  return { command, positionals: rest, json, redundant, strict, output, help };
}

/** One `attribute=option` argument. */
export interface ChoiceArgument {
  readonly attribute: string;
  readonly option: string;
}

/** Parses `attribute=option` arguments (split at the first `=`), refusing malformed ones and repeated attributes. */
export function parseChoices(texts: readonly string[]): ChoiceArgument[] {
  const choices: ChoiceArgument[] = [];
  for (const text of texts) {
    const equals = text.indexOf('=');
    if (equals <= 0 || equals === text.length - 1) {
      throw new UsageError(`"${text}" is not a choice: write attribute=option, e.g. toeCap.material=patent`);
    }
    const choice = { attribute: text.slice(0, equals).trim(), option: text.slice(equals + 1).trim() };
    if (choices.some((earlier) => earlier.attribute === choice.attribute)) {
      throw new UsageError(`"${choice.attribute}" is chosen twice; give each attribute one option`);
    }
    choices.push(choice);
  }
  return choices;
}
