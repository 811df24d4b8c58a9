// ESLint rule: the feature folders under a root (runtime/access, runtime/auth, ...) form
// an acyclic graph. A file-level cycle rule misses the usual case, where access/a.ts
// imports auth/b.ts and auth/c.ts imports access/d.ts, so this one works on folders.
// Type-only imports count: a folder that needs another's types depends on it as much.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const SPEC = /\.spec\.tsx?$/;
const SOURCE = /\.tsx?$/;
const graphs = new Map();

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) && !SPEC.test(entry.name) ? [path] : [];
  });
}

function resolveRelative(fromFile, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(fromFile), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile()) ?? null;
}

/** The feature folder of a file under root, or null for files at the root itself or outside it. */
function folderOf(root, file) {
  const parts = relative(root, file).split(sep);
  return parts.length > 1 && parts[0] !== '..' ? parts[0] : null;
}

/** folder -> folder -> one file that makes the edge, read from disk once per root and run. */
function folderGraph(root) {
  let graph = graphs.get(root);
  if (graph) return graph;
  graph = new Map();
  for (const file of sourceFiles(root)) {
    const from = folderOf(root, file);
    if (!from) continue;
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      const to = folderOf(root, resolveRelative(file, fileName) ?? root);
      if (!to || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      if (!graph.get(from).has(to)) graph.get(from).set(to, relative(root, file));
    }
  }
  graphs.set(root, graph);
  return graph;
}

/** The shortest folder path from `start` to `goal`, as [start, ..., goal], or null. */
function pathBetween(graph, start, goal) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const folder = queue.shift();
    if (folder === goal) {
      const path = [];
      for (let at = goal; at !== null; at = previous.get(at)) path.unshift(at);
      return path;
    }
    for (const next of graph.get(folder)?.keys() ?? []) {
      if (!previous.has(next)) {
        previous.set(next, folder);
        queue.push(next);
      }
    }
  }
  return null;
}

export const noFolderCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid an import that closes a cycle between the feature folders of a root.' },
    schema: [{ type: 'object', properties: { roots: { type: 'array', items: { type: 'string' } } }, required: ['roots'], additionalProperties: false }],
    messages: {
      cycle: '{{root}}/{{from}} imports {{root}}/{{to}}, which leads back to it ({{path}}). Move what both need to a folder that imports neither.',
    },
  },
  create(context) {
    const file = context.physicalFilename;
    const root = context.options[0].roots.map((dir) => resolve(context.cwd, dir)).find((dir) => folderOf(dir, file));
    if (!root) return {};
    const from = folderOf(root, file);
    const graph = folderGraph(root);
    const check = (source) => {
      if (typeof source?.value !== 'string') return;
      const target = resolveRelative(file, source.value);
      const to = target && folderOf(root, target);
      if (!to || to === from) return;
      const back = pathBetween(graph, to, from);
      if (back) context.report({ node: source, messageId: 'cycle', data: { root: relative(context.cwd, root), from, to, path: [from, ...back].join(' -> ') } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default { rules: { 'no-folder-cycle': noFolderCycle } };
