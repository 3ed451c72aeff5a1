// Parses the command line and dispatches to a command. Exit codes: 0 all
// well, 1 a problem in the notes, 2 a usage error (DESIGN.md section 4).

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliContext, type Output } from './context';
import { USAGE, UsageError } from './usage';
import { newCommand } from './commands/new';
import { listCommand } from './commands/list';
import { showCommand } from './commands/show';
import { topicsCommand } from './commands/topics';
import { checkCommand } from './commands/check';
import { followupsCommand } from './commands/followups';
import { digestCommand } from './commands/digest';
import { statsCommand } from './commands/stats';
import { searchCommand } from './commands/search';
import { disableGit } from './gitPolicy';

export type Command = (ctx: CliContext, args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  new: newCommand,
  list: listCommand,
  show: showCommand,
  topics: topicsCommand,
  check: checkCommand,
  followups: followupsCommand,
  digest: digestCommand,
  stats: statsCommand,
  search: searchCommand,
};

export async function run(argv: string[], io: Output, stdin: () => Promise<string> = readStdin): Promise<number> {
  try {
    let root = '.';
    let folder: string | undefined;
    let i = 0;
    for (; i < argv.length; i++) {
      const arg = argv[i];
      if (arg === '--root' || arg === '--folder') {
        const value = argv[++i];
        if (value === undefined) throw new UsageError(`${arg} needs a value`);
        if (arg === '--root') root = value;
        else folder = value;
      } else if (arg === '--no-git') disableGit();
      else if (arg.startsWith('--root=')) root = arg.slice('--root='.length);
      else if (arg.startsWith('--folder=')) folder = arg.slice('--folder='.length);
      else if (arg === '--help' || arg === '-h' || arg === 'help') {
        io.out(USAGE);
        return 0;
      } else break;
    }
    const name = argv[i];
    if (name === undefined) throw new UsageError('no command given');
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command "${name}"`);
    return await command(new CliContext(root, folder, io, stdin), argv.slice(i + 1));
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`learnings: ${err.message}`);
      io.err('Run "learnings --help" for usage.');
      return 2;
    }
    throw err;
  }
}

/** `util.parseArgs` with its errors turned into usage errors. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, positionals = 0) {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: positionals > 0, strict: true });
    if (parsed.positionals.length > positionals) throw new UsageError(`unexpected argument "${parsed.positionals[positionals]}"`);
    return parsed;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError((err as Error).message.split('\n')[0]);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
