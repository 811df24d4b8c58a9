/** `schema import bundle.json --operation other --dry-run` → positionals and flags. */
export interface CliArgs {
  positionals: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(argv: string[]): CliArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) flags[name] = inline;
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') && !BOOLEAN_FLAGS.has(name)) flags[name] = argv[++i];
    else flags[name] = true;
  }
  return { positionals, flags };
}

const BOOLEAN_FLAGS = new Set(['dry-run', 'keep-aside', 'json', 'help']);

export function stringFlag(args: CliArgs, name: string): string | undefined {
  const value = args.flags[name];
  return typeof value === 'string' ? value : undefined;
}
