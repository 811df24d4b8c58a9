// Builds the Studio before the browser tests when dist/studio is missing or older
// than anything it is built from, so `npm test` always drives the current code.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..', '..');
// The Studio imports the engine's public entry, so any engine file may be in the bundle.
const SOURCES = ['studio', 'engine'];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

module.exports = async function buildStudio() {
  const built = join(root, 'dist', 'studio', 'index.html');
  const sources = Math.max(...SOURCES.map((dir) => newest(join(root, dir))), statSync(join(root, 'package-lock.json')).mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'studio/vite.config.mts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
};
