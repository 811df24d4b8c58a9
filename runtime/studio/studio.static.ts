import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The repository root: the nearest folder above this file with a package.json (from `runtime/` or `dist/runtime/`). */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Where `vite build --config studio/vite.config.mts` writes the Studio. */
export function studioDir(): string {
  return join(repositoryRoot(), 'dist', 'studio');
}

/**
 * Serves the built Studio at `/`: its files as they are, and index.html for any
 * other GET outside `/api`, so deep links (`/m/casos/…`) load the app. API paths
 * that match nothing keep their JSON 404. Without a build the server runs API-only.
 */
export async function serveStudio(app: NestFastifyApplication, root = studioDir()): Promise<boolean> {
  if (!existsSync(join(root, 'index.html'))) return false;
  // wildcard: false registers one route per built file, leaving unknown paths to the fallback below.
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: 'index.html' });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
    // The shell must not be cached: each build names its assets anew.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return true;
}
