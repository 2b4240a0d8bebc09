// Every section of the management information that another module provides names the
// parts of the filter its figures depend on (FigureSource.dependsOn), and its figures
// are cached per those parts (docs/product.md#management-information). A source that
// used a part it did not name would show one filter's figures for another: here every
// source's SQL is compiled for filters that differ in one part, and must be the same
// exactly when the part is not named, and differ when it is.
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import { insightsProviders } from './app.js';
import { FILTER_PARTS, type FilterPart, type InsightsFilter } from './modules/insights/index.js';

const compiler = new Kysely<unknown>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const base: Required<InsightsFilter> = {
  municipalityId: '0b7e6a52-4c1f-4d8e-9a8b-2f7c1e3d5a61',
  from: '2025-03-04',
  to: '2026-03-03',
  areaId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  themeId: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a',
  domain: 'physical',
  directorId: '3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b',
};
const other: Required<Omit<InsightsFilter, 'municipalityId'>> = {
  from: '2024-06-07',
  to: '2025-06-06',
  areaId: '4f5a6b7c-8d9e-4f0a-9b2c-3d4e5f6a7b8c',
  themeId: '5a6b7c8d-9e0f-4a1b-8c3d-4e5f6a7b8c9d',
  domain: 'social',
  directorId: '6b7c8d9e-0f1a-4b2c-9d4e-5f6a7b8c9d0e',
};

/** A filter with every part, one filter without the optional parts, and each with one part changed or left out. */
const variants = (part: FilterPart): [InsightsFilter, InsightsFilter][] => {
  const without = { ...base } as InsightsFilter;
  if (part !== 'from' && part !== 'to') delete without[part];
  return [[base, { ...base, [part]: other[part] }], ...(part === 'from' || part === 'to' ? [] : ([[base, without]] as [InsightsFilter, InsightsFilter][]))];
};

const compiled = (sql: { compile: (k: Kysely<unknown>) => { sql: string; parameters: readonly unknown[] } }) => {
  const c = sql.compile(compiler);
  return { sql: c.sql, parameters: c.parameters };
};

describe('figure sources of the management information', () => {
  const sources = Object.entries(insightsProviders);

  it('are all checked here', () => {
    expect(sources.map(([name]) => name).sort()).toEqual(['collaborations', 'participation', 'satisfaction', 'sharedRequests']);
  });

  for (const [name, source] of sources) {
    for (const part of FILTER_PARTS) {
      const named = (source.dependsOn as readonly FilterPart[]).includes(part);
      it(`${name}: ${named ? 'depends on' : 'ignores'} ${part}`, () => {
        for (const [a, b] of variants(part)) {
          const [x, y] = [compiled(source.select(a as never)), compiled(source.select(b as never))];
          if (named) expect(x).not.toEqual(y);
          else expect(x).toEqual(y);
        }
      });
    }
  }
});
