import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

/**
 * Runtime folders import each other one way: shared kernel types live in core/,
 * so a feature folder never needs one that needs it back. Files at the top of
 * runtime/ (app.module, server, main) wire everything together and sit outside
 * the graph.
 */
const RUNTIME = resolve(__dirname, '..');

type Graph = Map<string, Map<string, string>>;

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The top-level runtime folder a path sits in, or null for the wiring files beside them (and for paths outside runtime/). */
function folderOf(path: string): string | null {
  const parts = relative(RUNTIME, path).split(sep);
  return parts.length > 1 && parts[0] !== '..' ? parts[0]! : null;
}

/** Folder → imported folder → one import that proves the edge (`file: specifier`). */
function importGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of sources(RUNTIME)) {
    const from = folderOf(file);
    if (!from) continue;
    // The compiler's own pre-parser: it sees import, export … from, import() and require, and skips comments and strings.
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const to = folderOf(resolve(dirname(file), fileName));
      if (!to || to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${relative(RUNTIME, file)}: ${fileName}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Every cycle through the graph's strongly connected parts, one per part, as `a → b → … → a` with the import behind each step. */
function folderCycles(graph: Graph): string[] {
  const cycles: string[] = [];
  const reported = new Set<string>();
  for (const start of [...graph.keys()].sort()) {
    if (reported.has(start)) continue;
    const path = shortestPath(graph, start, start);
    if (!path) continue;
    path.forEach((node) => reported.add(node));
    const steps = path.slice(0, -1).map((node, i) => `  ${node} → ${path[i + 1]}  (${graph.get(node)!.get(path[i + 1]!)})`);
    cycles.push([path.join(' → '), ...steps].join('\n'));
  }
  return cycles;
}

function shortestPath(graph: Graph, from: string, to: string): string[] | null {
  const previous = new Map<string, string>();
  const queue = [from];
  while (queue.length) {
    const node = queue.shift()!;
    for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
      if (next === to) {
        const path = [next, node];
        for (let at = node; at !== from; at = previous.get(at)!) path.push(previous.get(at)!);
        return path.reverse();
      }
      if (previous.has(next) || next === from) continue;
      previous.set(next, node);
      queue.push(next);
    }
  }
  return null;
}

const graphOf = (edges: [string, string][]): Graph => {
  const graph: Graph = new Map();
  for (const [a, b] of edges) graph.set(a, (graph.get(a) ?? new Map()).set(b, `${a}/x.ts: ../${b}/y`));
  return graph;
};

describe('runtime folder imports', () => {
  it('finds a cycle, direct or through other folders, and names the imports behind it', () => {
    expect(
      folderCycles(
        graphOf([
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
          ['c', 'd'],
        ]),
      ),
    ).toEqual(['a → b → c → a\n  a → b  (a/x.ts: ../b/y)\n  b → c  (b/x.ts: ../c/y)\n  c → a  (c/x.ts: ../a/y)']);
    expect(
      folderCycles(
        graphOf([
          ['a', 'b'],
          ['b', 'c'],
          ['a', 'c'],
        ]),
      ),
    ).toEqual([]);
  });

  it('sees the runtime folders and their imports', () => {
    const graph = importGraph();
    expect(graph.get('records')?.get('core')).toMatch(/^records\/[\w.-]+\.ts: \.\.\/core\//);
    expect(graph.has('cli')).toBe(true);
  });

  it('has no cycle between top-level runtime folders', () => {
    const cycles = folderCycles(importGraph());
    if (cycles.length) console.error(`Import cycles between runtime folders:\n${cycles.join('\n\n')}`);
    expect(cycles).toEqual([]);
  });
});
