import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const engine = fileURLToPath(new URL('../engine/', import.meta.url));
const escaped = (path: string) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// No @vitejs/plugin-react: Vite's own transformer (oxc) compiles TSX with the
// automatic JSX runtime, which is all the Studio needs for production builds.
export default defineConfig({
  root: here,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  // @crm/engine and @crm/plugins/studio resolve through the tsconfig paths, set once there.
  resolve: { tsconfigPaths: true },
  build: {
    outDir: fileURLToPath(new URL('../dist/studio', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // The engine's modules only declare things (a compiled meta-schema, a template
      // environment): a screen that imports one function from its entry gets only what it uses.
      treeshake: { moduleSideEffects: [{ test: new RegExp(`^${escaped(engine)}`), sideEffects: false }] },
      onwarn(warning, warn) {
        // rjsf marks its hooks 'use client' for React Server Components; a SPA has none.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    // In development the API is the runtime on its default port.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
