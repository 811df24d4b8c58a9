// Lint for the whole workspace. Besides the usual correctness rules it guards the
// package shape: dependencies point one way (runtime, studio, plugins and the
// catalog use the engine; the engine uses nothing of ours; a plugin uses only the
// engine) and no import closes a cycle, between files or between the runtime's
// feature folders. Formatting belongs to Prettier.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import folderCycles from './eslint.no-folder-cycle.mjs';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = dirname(fileURLToPath(import.meta.url));
const plugins = readdirSync(join(root, 'plugins'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// The engine's public surface is its index; every package goes through it so the
// engine can move its internals without breaking anyone.
const ENGINE_ENTRY = './index.ts';
// A plugin's Studio part is the one plugin file the Studio may load; the rest of a
// plugin is its own business.
const PLUGIN_STUDIO_ENTRIES = ['studio/index.ts', 'studio/index.tsx'];

const zone = (target, from, message, except) => ({ target, from, message, ...(except && { except }) });
const boundaryZones = [
  zone('./engine', ['./runtime', './studio', './plugins', './modules-catalog', './migrations', './test'], 'The engine depends on nothing of ours.'),
  ...['./runtime', './studio', './plugins', './modules-catalog', './migrations'].map((target) => zone(target, './engine', 'Import the engine through @crm/engine, its public entry.', [ENGINE_ENTRY])),
  zone('./modules-catalog', ['./runtime', './studio', './plugins', './migrations', './test'], 'The catalog is definitions; it may use only the engine.'),
  zone('./migrations', ['./runtime', './studio', './plugins', './modules-catalog', './test'], 'Migrations stand alone; they may use only the engine.'),
  zone('./runtime', ['./studio', './test'], 'The runtime never loads Studio or test code.'),
  zone('./studio', ['./runtime', './modules-catalog', './migrations', './test'], 'The Studio talks to the runtime over HTTP and uses only the engine.'),
  ...plugins.map((name) => zone('./studio', `./plugins/${name}`, "The Studio loads a plugin only through the plugin's Studio entry.", PLUGIN_STUDIO_ENTRIES)),
  ...plugins.map((name) =>
    zone(
      `./plugins/${name}`,
      ['./runtime', './studio', './modules-catalog', './migrations', './test', ...plugins.filter((other) => other !== name).map((other) => `./plugins/${other}`)],
      'A plugin imports only the engine.',
    ),
  ),
];

export default defineConfig(
  globalIgnores(['**/dist/', 'coverage/', 'test/bench/out/', '.nx/', '.data/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'crm/imports',
    plugins: { 'import-x': importX, crm: folderCycles },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      // Two tsconfigs map @crm/* paths: the root one for the server side, studio's own for the browser.
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: [join(root, 'tsconfig.json'), join(root, 'studio/tsconfig.json')], noWarnOnMultipleProjects: true })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: boundaryZones }],
      // Type-only imports are erased at compile time, so the rule follows value imports only.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // A boundary rule silently passes an import it cannot resolve; this keeps the resolver honest.
      'import-x/no-unresolved': 'error',
    },
  },
  {
    name: 'crm/folder-cycles',
    // The runtime's feature folders import one way; shared kernel types live in one core folder.
    files: ['runtime/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { 'crm/no-folder-cycle': ['error', { roots: ['runtime'] }] },
  },
  {
    name: 'crm/typescript',
    rules: {
      // `import x = require()` is how TypeScript loads a CommonJS-only package under node16 modules.
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
      // Destructuring a key out to drop it from a rest copy, and `_`-named parameters a
      // signature requires, are how the code says "deliberately unused".
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    name: 'crm/tests',
    files: ['test/**'],
    // End-to-end suites read loosely typed HTTP bodies; typing each one would only add casts.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    name: 'crm/react',
    files: ['studio/**/*.tsx', 'studio/**/*.ts', 'plugins/*/studio/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // Warned, not failed: some effects leave out the locale or a loader on purpose, and
      // adding an unmemoised function to the list would re-run the effect on every render.
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    name: 'crm/commonjs',
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    name: 'crm/esm-scripts',
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  prettier,
);
