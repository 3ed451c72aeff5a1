// Parses the command line and dispatches to a command. Exit codes: 0 all
// well, 1 a problem in the notes, 2 a usage error, 3 an internal error (main.ts) (DESIGN.md section 4).

import { statSync } from 'node:fs';
import * as path from 'node:path';
import { CliContext, type Output } from './context';
import { USAGE, UsageError } from './usage';
import { cliVersion, commandHelp } from './help';
import { newCommand } from './commands/new';
import { listCommand } from './commands/list';
import { showCommand } from './commands/show';
import { topicsCommand } from './commands/topics';
import { checkCommand } from './commands/check';
import { followupsCommand } from './commands/followups';
import { digestCommand } from './commands/digest';
import { statsCommand } from './commands/stats';
import { searchCommand } from './commands/search';
import { replyCommand } from './commands/reply';
import { goalsCommand } from './commands/goals';
import { sessionsCommand } from './commands/sessions';
import { disableGit } from '../node/gitPolicy';

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
  reply: replyCommand,
  goals: goalsCommand,
  sessions: sessionsCommand,
};

export async function run(argv: string[], io: Output, stdin: () => Promise<string> = readStdin): Promise<number> {
  try {
    const { root, folder, rest } = globalOptions(argv);
    const name = rest[0];
    if (name === '--version' || name === '-V') {
      io.out(cliVersion());
      return 0;
    }
    if (name === '--help' || name === '-h' || (name === 'help' && rest[1] === undefined)) {
      io.out(USAGE);
      return 0;
    }
    if (name === 'help') {
      if (!COMMANDS[rest[1]]) throw new UsageError(`unknown command "${rest[1]}"`);
      io.out(commandHelp(rest[1]));
      return 0;
    }
    if (name === undefined) throw new UsageError('no command given');
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command "${name}"`);
    const args = rest.slice(1);
    if (args.includes('--help') || args.includes('-h')) {
      io.out(commandHelp(name));
      return 0;
    }
    const ctx = new CliContext(root, folder, io, stdin);
    // A mistyped --root or --folder must fail CI, not pass it with "0 notes"; `new` creates the folder.
    if (name !== 'new') requireNotesFolder(root, ctx.workspace.layout.notesDir);
    return await command(ctx, args);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`learnings: ${err.message}`);
      io.err('Run "learnings --help" for usage.');
      return 2;
    }
    throw err;
  }
}

/** Takes `--root` and `--folder` from anywhere before a `--`: global options go before or after the command. */
function globalOptions(argv: string[]): { root: string; folder: string | undefined; rest: string[] } {
  let root = '.';
  let folder: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--root' || arg === '--folder') {
      const value = argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${arg} needs a value`);
      if (arg === '--root') root = value;
      else folder = value;
    } else if (arg === '--no-git') disableGit();
    else if (arg.startsWith('--root=')) root = arg.slice('--root='.length);
    else if (arg.startsWith('--folder=')) folder = arg.slice('--folder='.length);
    else rest.push(arg);
  }
  return { root, folder, rest };
}

function requireNotesFolder(root: string, notesDir: string): void {
  const isDir = (p: string) => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false;
    }
  };
  if (!isDir(path.resolve(root))) throw new UsageError(`--root ${root}: no such folder`);
  if (!isDir(path.resolve(root, notesDir))) {
    throw new UsageError(`no notes folder ${notesDir} in ${root} (give the workspace with --root, the folder with --folder; "learnings new" creates it)`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
