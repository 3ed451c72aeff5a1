// Option parsing shared by every command: node:util's parseArgs, strict, with
// its errors said as usage errors (exit 2), so commands never import run.ts.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage';

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
