// Import circles across the whole project, type-only imports included. `import-x/no-cycle` skips
// `import type`, yet a circle of types still ties the files together: none can be read, moved or
// tested alone. ESLint runs this as `postlint/no-import-circle` (eslint.config.mjs); run the file itself
// (`node scripts/lint/importCircles.mjs`) to list the circles, as `madge --circular` would.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SKIPPED = new Set(['node_modules', 'dist', 'out', '.vscode-test', '.bench', '.git']);
const SOURCE = /\.(ts|mts|mjs)$/;

function sourceFiles(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(path, found);
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

/** What a relative specifier names, as TypeScript's bundler resolution finds it; undefined for packages. */
function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}.mts`, `${base}.mjs`, join(base, 'index.ts')];
  return candidates.find((path) => SOURCE.test(path) && existsSync(path) && statSync(path).isFile());
}

/** Every file's imports (value, type-only, re-exports, dynamic `import()`), as absolute paths. */
export function importGraph(root = ROOT) {
  const graph = new Map();
  for (const file of sourceFiles(root)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set(importedFiles.map(({ fileName }) => resolveImport(file, fileName)).filter(Boolean));
    graph.set(file, targets);
  }
  return graph;
}

/** The circles: strongly connected components of more than one file, or a file importing itself (Tarjan). */
export function importCircles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const circles = [];
  const visit = (file) => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file), low.get(target)));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file), index.get(target)));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.has(file)) circles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return circles;
}

/** One path round the circle from `from` through `to` back to `from`, for the message. */
export function pathBack(graph, from, to, members) {
  const previous = new Map([[to, undefined]]);
  const queue = [to];
  while (queue.length > 0) {
    const file = queue.shift();
    if (file === from) break;
    for (const target of graph.get(file) ?? []) {
      if (members.has(target) && !previous.has(target)) {
        previous.set(target, file);
        queue.push(target);
      }
    }
  }
  const path = [];
  for (let file = from; file !== undefined; file = previous.get(file)) path.unshift(file);
  return [from, ...path];
}

// ESLint lints file by file; the graph is read once per run (and again if the run lasts, as in an editor).
let cached;
function currentCircles() {
  if (!cached || Date.now() - cached.at > 2000) {
    const graph = importGraph();
    const circles = importCircles(graph);
    const circleOf = new Map();
    for (const circle of circles) {
      const members = new Set(circle);
      for (const file of circle) circleOf.set(file, members);
    }
    cached = { at: Date.now(), graph, circleOf };
  }
  return cached;
}

const show = (file) => relative(ROOT, file);

/**
 * A digest of every import edge, passed to the rule as an option. ESLint's cache (`npm run lint --cache`)
 * keeps a file's results while the file and the config stay the same, but a circle is about other files
 * too: with the digest in the config, any change to any import re-lints everything, and nothing else does.
 */
export function importGraphDigest() {
  const edges = [...importGraph()].flatMap(([file, targets]) => [...targets].map((target) => `${show(file)} ${show(target)}`));
  return createHash('sha256').update(edges.sort().join('\n')).digest('hex');
}

export const noImportCircle = {
  meta: {
    type: 'problem',
    docs: { description: 'No import circles, type-only imports included.' },
    schema: [{ type: 'object', properties: { graph: { type: 'string' } }, additionalProperties: false }],
    messages: { circle: 'Import circle: {{path}}. Move what both sides need into a module neither imports.' },
  },
  create(context) {
    const file = context.physicalFilename;
    const check = (node) => {
      const { graph, circleOf } = currentCircles();
      const members = circleOf.get(file);
      const target = node.source && typeof node.source.value === 'string' ? resolveImport(file, node.source.value) : undefined;
      if (!members || !target || !members.has(target)) return;
      context.report({ node, messageId: 'circle', data: { path: pathBack(graph, file, target, members).map(show).join(' → ') } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const graph = importGraph();
  const circles = importCircles(graph);
  for (const circle of circles) console.log(`${circle.length} files: ${circle.map(show).join(', ')}`);
  console.log(`${circles.length} import circle(s) among ${graph.size} files`);
  process.exitCode = circles.length === 0 ? 0 : 1;
}
