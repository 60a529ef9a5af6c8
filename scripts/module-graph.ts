/**
 * The module dependency picture in docs/modules.md, generated from the code by dependency-cruiser (the
 * tool that enforces the boundaries), and a check that the modules form no cycle.
 *   npm run docs:modules           regenerate docs/modules.md
 *   npm run docs:modules -- --check  fail if it is out of date or if two modules depend on each other
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const MODULES = '^src/modules/[^/]+';
const target = 'docs/modules.md';

function depcruise(outputType: string): string {
  const run = spawnSync(
    'npx',
    [
      'depcruise',
      'src',
      '--config',
      '.dependency-cruiser.cjs',
      '--include-only',
      '^src/modules',
      '--collapse',
      MODULES,
      '-T',
      outputType,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0 && !run.stdout) throw new Error(run.stderr || `depcruise exited ${run.status}`);
  return run.stdout;
}

type Cruise = { modules: { source: string; dependencies: { resolved: string }[] }[] };

/** The module graph (module → modules it imports), from the collapsed cruise. */
export function moduleGraph(cruise: Cruise): Map<string, Set<string>> {
  const name = (p: string) => p.replace(/^src\/modules\//, '').replace(/\/$/, '');
  const graph = new Map<string, Set<string>>();
  for (const m of cruise.modules) {
    const from = name(m.source);
    const to = graph.get(from) ?? new Set<string>();
    for (const d of m.dependencies) if (name(d.resolved) !== from) to.add(name(d.resolved));
    graph.set(from, to);
  }
  return graph;
}

/** One cycle of the graph as a path (first = last), or null when it has none. */
export function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

function markdown(graph: Map<string, Set<string>>, mermaid: string): string {
  const rows = [...graph.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([m, deps]) => `| ${m} | ${[...deps].sort().join(', ') || '–'} |`);
  return [
    '# Modules and what each depends on',
    '',
    'Generated from the code by dependency-cruiser (`npm run docs:modules`); `npm test` fails when it is out of',
    'date or when two modules depend on each other. An arrow reads "imports": a module only uses the modules',
    'below it, through their doors (`index.ts`, and `tables.ts` for the schema). See docs/adr/0001.',
    '',
    '```mermaid',
    mermaid.trim(),
    '```',
    '',
    '| module | imports |',
    '|---|---|',
    ...rows,
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const graph = moduleGraph(JSON.parse(depcruise('json')) as Cruise);
  const cycle = findCycle(graph);
  if (cycle) {
    console.error(`✘ the modules depend on each other: ${cycle.join(' → ')}`);
    process.exit(1);
  }
  const text = markdown(graph, depcruise('mermaid'));
  if (process.argv.includes('--check')) {
    if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text) {
      console.error(`✘ ${target} is out of date: run npm run docs:modules`);
      process.exit(1);
    }
    console.log(`✔ ${graph.size} modules, no cycle; ${target} is current`);
  } else {
    fs.writeFileSync(target, text);
    console.log(`wrote ${target} (${graph.size} modules)`);
  }
}
