import { loadConfig } from './config/runtime.config';
import { startServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig();
  const server = await startServer(config);
  const demo = server.demo;
  const lines = [
    '',
    `  CRM listo / CRM ready: ${server.url}`,
    `  API docs: ${server.url}/api/docs`,
    `  Base de datos / Database: ${config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`}; colas / jobs: ${config.redisUrl ? 'Redis' : 'in-process'}`,
    ...(demo ? [`  Operación demo: ${demo.operation} · usuario ${demo.adminUsername} · contraseña ${demo.adminPassword} (se cambia al entrar / changed at first login)`] : []),
    `  API token: ${config.bootstrapToken}${config.bootstrapTokenGenerated ? ' (generado para esta ejecución; fije BOOTSTRAP_TOKEN para conservarlo)' : ''}`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
