// The layer rule and the module boundaries, checked on the source:
//
//   kernel → platform → modules → app (src/app.ts, src/cli.ts, src/demo)
//
// - src/kernel imports neither the platform nor a module; src/platform imports no module.
// - A module is used through its index.ts, its public face: another module, the
//   composition root, the CLI, the demo, the benchmarks and the browser tests import
//   `…/modules/<name>/index.js` and nothing deeper.
// - Test files and the test harness (src/testing) may also use another module's
//   testing.ts and authorization.rows.ts (test helpers and the negative suite's rows, which production code must not load); a module's own
//   tests use its internals freely.
// - The modules depend on each other without cycles, so each one can be read,
//   tested and changed from the bottom up.
//
// Biome's noRestrictedImports (the overrides in biome.json) reports the same static
// imports in the editor and in `npm run lint`: kernel or platform importing a module,
// and an import of `../<module>/<file>` other than its index.js (or, in tests, its
// testing.js). A lint rule sees one import at a time, so this test adds what it cannot
// express: dynamic import(), that an index.ts re-exports only its own module, that every
// module has one, and that the module graph has no cycles.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const modulesDir = join(root, 'src', 'modules');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

interface Import {
  from: string; // file, relative to the repository
  to: string; // resolved target, relative to the repository
}

function importsOf(file: string): Import[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => ({ from: rel(file), to: rel(resolve(dirname(file), spec)) }));
}

const rel = (p: string) => relative(root, p).split(sep).join('/');
const isTest = (f: string) => /\.(test|int\.test|e2e)\.ts$/.test(f) || f.startsWith('src/testing/') || /\/(testing|authorization\.rows)\.ts$/.test(f);
/** `src/modules/<name>/…` → name */
const moduleOf = (p: string) => /^src\/modules\/([^/]+)\//.exec(p)?.[1] ?? null;
/** What may be imported of a module from outside it. */
const isFace = (p: string) => /^src\/modules\/[^/]+\/index\.(js|ts)$/.test(p);
const isTestFace = (p: string) => /^src\/modules\/[^/]+\/(testing|authorization\.rows)\.(js|ts)$/.test(p);

const files = ['src', 'bench', 'e2e'].flatMap((d) => walk(join(root, d)));
const imports = files.flatMap(importsOf);

describe('architecture', () => {
  it('the kernel imports neither the platform nor a module', () => {
    const bad = imports.filter((i) => i.from.startsWith('src/kernel/') && !i.to.startsWith('src/kernel/'));
    expect(bad).toEqual([]);
  });

  it('the platform imports no module, nor the test harness or the composition root', () => {
    const bad = imports.filter((i) => i.from.startsWith('src/platform/') && !i.to.startsWith('src/platform/') && !i.to.startsWith('src/kernel/'));
    expect(bad.filter((i) => !isTest(i.from))).toEqual([]);
    expect(bad.filter((i) => moduleOf(i.to))).toEqual([]);
  });

  it('code outside a module imports it only through its index.ts (tests may also use its testing.ts)', () => {
    const bad = imports.filter((i) => {
      const target = moduleOf(i.to);
      if (!target || moduleOf(i.from) === target) return false;
      return !(isFace(i.to) || (isTest(i.from) && isTestFace(i.to)));
    });
    expect(bad).toEqual([]);
  });

  it('a module index.ts exports only its own files', () => {
    const bad = imports.filter((i) => isFace(i.from) && moduleOf(i.to) !== moduleOf(i.from));
    expect(bad).toEqual([]);
  });

  it('every module has an index.ts', () => {
    const modules = readdirSync(modulesDir, { withFileTypes: true }).filter((e) => e.isDirectory());
    const missing = modules.map((m) => m.name).filter((m) => !files.some((f) => rel(f) === `src/modules/${m}/index.ts`));
    expect(missing).toEqual([]);
  });

  it('the modules depend on each other without cycles', () => {
    const graph = new Map<string, Set<string>>();
    for (const i of imports) {
      const a = moduleOf(i.from);
      const b = moduleOf(i.to);
      if (!a || !b || a === b || isTest(i.from)) continue;
      graph.set(a, (graph.get(a) ?? new Set()).add(b));
    }
    expect(findCycle(graph)).toBeNull();
  });

  it('the cycle check finds a cycle', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });
});

/** A cycle as a path ['a', 'b', 'a'], or null. */
function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (n: string): string[] | null => {
    if (state.get(n) === 'done') return null;
    if (state.get(n) === 'visiting') return [...path.slice(path.indexOf(n)), n];
    state.set(n, 'visiting');
    path.push(n);
    for (const m of graph.get(n) ?? []) {
      const cycle = visit(m);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(n, 'done');
    return null;
  };
  for (const n of graph.keys()) {
    const cycle = visit(n);
    if (cycle) return cycle;
  }
  return null;
}
