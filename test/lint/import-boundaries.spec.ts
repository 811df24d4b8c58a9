import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint, Linter } from 'eslint';

// Lints small probe files with the workspace's own lint config, so a config change
// that stops catching a wrong-way import or a cycle fails here.
const root = join(__dirname, '..', '..');
const configFile = join(root, 'eslint.config.mjs');
const eslint = new ESLint({ cwd: root, overrideConfigFile: configFile });
// The boundary probes import real files; the cycle rule would walk their whole package
// from there, which proves nothing about boundaries and costs seconds.
const boundaries = new ESLint({ cwd: root, overrideConfigFile: configFile, overrideConfig: { rules: { 'import-x/no-cycle': 'off' } } });

const plugins = readdirSync(join(root, 'plugins'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** A real non-entry source file of a package, relative to `from`'s folder, without its extension. */
function someFile(pkg: string, fromFile: string): string {
  const walk = (dir: string): string | undefined => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        const found = walk(path);
        if (found) return found;
      } else if (/\.ts$/.test(entry.name) && !/\.(spec|fixture|arbitrary)\.ts$/.test(entry.name) && entry.name !== 'index.ts') return path;
    }
    return undefined;
  };
  const file = walk(join(root, pkg));
  if (!file) throw new Error(`no source file in ${pkg}`);
  const path = relative(join(root, fromFile, '..'), file).replace(/\.ts$/, '');
  return path.startsWith('.') ? path : `./${path}`;
}

async function lint(file: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await boundaries.lintText(code, { filePath: join(root, file) });
  return result.messages;
}

const ruleIds = (messages: Linter.LintMessage[]) => messages.map((m) => m.ruleId);

describe('import boundaries', () => {
  it('refuses an engine file that imports the runtime', async () => {
    const file = 'engine/lint-probe.ts';
    expect(ruleIds(await lint(file, `import '${someFile('runtime', file)}';\n`))).toEqual(['import-x/no-restricted-paths']);
  });

  it('refuses a plugin that imports the runtime or another plugin, and lets it import the engine', async () => {
    const file = `plugins/${plugins[0]}/lint-probe.ts`;
    expect(ruleIds(await lint(file, `import '${someFile('runtime', file)}';\n`))).toEqual(['import-x/no-restricted-paths']);
    expect(ruleIds(await lint(file, `import '${someFile(`plugins/${plugins[1]}`, file)}';\n`))).toEqual(['import-x/no-restricted-paths']);
    expect(await lint(file, `import '@crm/engine';\n`)).toEqual([]);
  });

  it('lets the Studio reach the engine only through @crm/engine', async () => {
    const file = 'studio/src/lint-probe.ts';
    const [deep] = await lint(file, `import '${someFile('engine', file)}';\n`);
    expect(deep).toMatchObject({ ruleId: 'import-x/no-restricted-paths', message: expect.stringContaining('@crm/engine') });
    expect(await lint(file, `import '@crm/engine';\n`)).toEqual([]);
  });

  it('refuses Studio imports of plugin internals', async () => {
    const file = 'studio/src/lint-probe.ts';
    expect(ruleIds(await lint(file, `import '${someFile(`plugins/${plugins[0]}`, file)}';\n`))).toEqual(['import-x/no-restricted-paths']);
  });
});

describe('import cycles', () => {
  // The cycle rule reads imported files from disk, so the probes are real files.
  let dir: string;
  beforeAll(() => {
    mkdirSync(join(root, 'test', 'lint'), { recursive: true });
    dir = mkdtempSync(join(root, 'test', 'lint', 'cycle-probe-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function lintPair(a: string, b: string): Promise<Linter.LintMessage[][]> {
    writeFileSync(join(dir, 'a.ts'), a);
    writeFileSync(join(dir, 'b.ts'), b);
    const results = await eslint.lintFiles([join(dir, 'a.ts'), join(dir, 'b.ts')]);
    return results.map((result) => result.messages);
  }

  it('refuses two files that import each other', async () => {
    const messages = await lintPair(`import { b } from './b';\nexport const a = (): number => b;\n`, `import { a } from './a';\nexport const b = 1;\nexport const twice = (): number => a() * 2;\n`);
    expect(messages.map(ruleIds)).toEqual([['import-x/no-cycle'], ['import-x/no-cycle']]);
  });

  it('lets a type-only import close the loop, since it leaves nothing at run time', async () => {
    const messages = await lintPair(`import type { B } from './b';\nexport interface A {\n  b?: B;\n}\n`, `import type { A } from './a';\nexport interface B {\n  a?: A;\n}\n`);
    expect(messages).toEqual([[], []]);
  });
});

describe('folder cycles', () => {
  // Probe folders on disk stand in for runtime's feature folders.
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(root, 'test', 'lint', 'folder-probe-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function write(files: Record<string, string>): void {
    for (const [file, code] of Object.entries(files)) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), code);
    }
  }

  it('runs on the runtime with its feature folders as the nodes', async () => {
    const config = await eslint.calculateConfigForFile(join(root, 'runtime', 'main.ts'));
    expect(config?.rules?.['crm/no-folder-cycle']).toEqual([2, { roots: ['runtime'] }]);
  });

  it('refuses folders that reach each other through different files, type-only imports included', async () => {
    write({
      'access/policy.ts': `import { caller } from '../auth/caller';\nexport const policy = (): string => caller;\n`,
      'access/permission.ts': `export interface Permission {\n  key: string;\n}\n`,
      'auth/caller.ts': `export const caller = 'agent';\n`,
      'auth/guard.ts': `import type { Permission } from '../access/permission';\nexport const allows = (p: Permission): boolean => p.key !== '';\n`,
      'core/kernel.ts': `export const kernel = 1;\n`,
      'records/reader.ts': `import { kernel } from '../core/kernel';\nimport { caller } from '../auth/caller';\nexport const read = (): string => caller + kernel;\n`,
    });
    const probes = new ESLint({
      cwd: root,
      overrideConfigFile: configFile,
      overrideConfig: { files: [`${relative(root, dir)}/**`], rules: { 'crm/no-folder-cycle': ['error', { roots: [relative(root, dir)] }] } },
    });
    const results = await probes.lintFiles([join(dir, 'access/policy.ts'), join(dir, 'auth/guard.ts'), join(dir, 'records/reader.ts')]);
    expect(results.map((result) => result.messages.map((m) => m.message))).toEqual([
      [expect.stringMatching(/access imports .*\/auth, which leads back to it \(access -> auth -> access\)/)],
      [expect.stringMatching(/auth imports .*\/access, which leads back to it \(auth -> access -> auth\)/)],
      [],
    ]);
  });
});
