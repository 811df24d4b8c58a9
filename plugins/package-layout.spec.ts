import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import fullName from './full-name';
import { PLUGIN_PACKAGES } from './index';

const ROOT = resolve(__dirname, '..');
const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

/** Every plugin package folder: a folder of plugins/ with a plugin.ts; the README example is one too. */
const PACKAGES = readdirSync(__dirname).filter((name) => existsSync(join(__dirname, name, 'plugin.ts')));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:\bfrom|^\s*import|\bimport\s*\()\s*'([^']+)'/gm)].map((m) => m[1]);

/** The npm package a bare specifier names (`decimal.js`, `@scope/name/sub` → `@scope/name`). */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

describe('plugin packages', () => {
  it('lists every package folder exactly once, except the README example', () => {
    const installed = PLUGIN_PACKAGES.map((pkg) => pkg.server.name).sort();
    expect(installed).toEqual(PACKAGES.filter((name) => name !== 'full-name').sort());
  });

  it.each(PACKAGES)('%s has the package layout, named for its plugin', (name) => {
    const dir = join(__dirname, name);
    for (const file of ['index.ts', 'plugin.ts', 'README.md', 'locale/es.json', 'locale/en.json']) expect({ file, exists: existsSync(join(dir, file)) }).toEqual({ file, exists: true });
    const pkg = [...PLUGIN_PACKAGES, fullName].find((candidate) => candidate.server.name === name);
    if (!pkg) throw new Error(`No package is named ${name}`);
    expect(existsSync(join(dir, 'studio', 'index.ts'))).toBe(pkg.studio !== undefined);
    if (pkg.studio) expect(pkg.studio.name).toBe(name);
  });

  it.each(PACKAGES)("%s imports only the engine, its own files and the product's npm dependencies", (name) => {
    const dir = join(__dirname, name);
    const outside = sources(dir)
      .filter((file) => !file.endsWith('.spec.ts'))
      .flatMap((file) => importsOf(file).map((specifier) => ({ file: relative(dir, file), specifier })))
      .filter(({ file, specifier }) => {
        if (specifier.startsWith('.')) return !resolve(dirname(join(dir, file)), specifier).startsWith(dir + sep);
        return specifier !== '@crm/engine' && !(packageOf(specifier) in dependencies);
      });
    expect(outside).toEqual([]);
  });

  it('is reached by the Studio only through @crm/plugins/studio', () => {
    const studio = join(ROOT, 'studio', 'src');
    const reaching = sources(studio)
      .flatMap((file) => importsOf(file).map((specifier) => ({ file: relative(studio, file), specifier })))
      .filter(({ file, specifier }) => {
        const target = specifier.startsWith('.') ? relative(ROOT, resolve(dirname(join(studio, file)), specifier)) : specifier;
        return (target.startsWith('plugins/') || target.startsWith('@crm/plugins')) && specifier !== '@crm/plugins/studio';
      });
    expect(reaching).toEqual([]);
    expect(sources(studio).some((file) => importsOf(file).includes('@crm/plugins/studio'))).toBe(true);
  });
});
