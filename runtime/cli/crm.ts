import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { parseArgs, stringFlag, type CliArgs } from './cli-args';
import { directSchemaClient } from './direct.schema-client';
import { httpSchemaClient } from './http.schema-client';
import { ClientError, type SchemaClient } from './schema-client';

const USAGE = `Uso / usage:
  npx crm schema export --operation <op> [--modules a,b] > bundle.json
  npx crm schema import <bundle.json> --operation <op> [--dry-run] [--keep-aside] [--json]
Con --url (o CRM_URL) y --token (o CRM_TOKEN) habla con un servidor en marcha; si no, abre la base de datos
(DATABASE_URL o la PGlite de DATA_DIR). / With --url (or CRM_URL) and --token (or CRM_TOKEN) it talks to a running
server; otherwise it opens the database (DATABASE_URL or the PGlite in DATA_DIR).`;

async function main(args: CliArgs): Promise<number> {
  const [group, command, file] = args.positionals;
  const operation = stringFlag(args, 'operation');
  if (args.flags.help || group !== 'schema' || !['export', 'import'].includes(command) || !operation || (command === 'import' && !file)) {
    process.stderr.write(`${USAGE}\n`);
    return args.flags.help ? 0 : 2;
  }
  const client = await connect(args);
  try {
    if (command === 'export') {
      const modules = stringFlag(args, 'modules')
        ?.split(',')
        .map((m) => m.trim())
        .filter(Boolean);
      process.stdout.write(`${JSON.stringify(await client.export(operation, modules), null, 2)}\n`);
      return 0;
    }
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    const result = await client.import(operation, bundle, { dryRun: args.flags['dry-run'] === true, keepAside: args.flags['keep-aside'] === true });
    if (args.flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else process.stdout.write(summary(result));
    return 0;
  } finally {
    await client.close();
  }
}

async function connect(args: CliArgs): Promise<SchemaClient> {
  const url = stringFlag(args, 'url') ?? process.env.CRM_URL;
  if (!url) return directSchemaClient();
  const token = stringFlag(args, 'token') ?? process.env.CRM_TOKEN;
  if (!token) throw new Error('--token o CRM_TOKEN es obligatorio con --url / --token or CRM_TOKEN is required with --url');
  return httpSchemaClient(url, token);
}

/** One line per module and one per storage step, in both languages. */
function summary(result: Awaited<ReturnType<SchemaClient['import']>>): string {
  const words = { create: 'crear / create', update: 'cambiar / update', unchanged: 'sin cambios / unchanged' };
  const lines = [result.dryRun ? 'Simulación, nada se aplicó / Dry run, nothing applied:' : 'Aplicado / Applied:'];
  for (const module of result.modules) {
    lines.push(`  ${module.key}: ${words[module.action]}${module.operations.length ? ` (${module.operations.length} op.)` : ''}`);
    for (const step of module.plan.steps) lines.push(`    - ${step.description.es} / ${step.description.en}`);
  }
  return `${lines.join('\n')}\n`;
}

main(parseArgs(process.argv.slice(2)))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof ClientError) {
      const details = (error.body.details ?? []).map((d) => `  ${d.path}: ${typeof d.message === 'string' ? d.message : `${d.message.es} / ${d.message.en}`}`);
      process.stderr.write(`${error.body.code}: ${error.body.message.es}\n${error.body.message.en}\n${details.join('\n')}\n`);
    } else process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
