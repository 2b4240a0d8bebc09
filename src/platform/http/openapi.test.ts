// The OpenAPI document is generated from the routes' zod schemas; it must pass the
// Dutch API Design Rules linter (Spectral rulesets in standards/).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTestApp } from '../../testing/http.js';

const t = withTestApp();
let doc: Record<string, any>;
let file: string;
beforeAll(async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['access-control-allow-origin']).toBe('*');
  doc = res.json();
  file = join(mkdtempSync(join(tmpdir(), 'regie-oas-')), 'openapi.json');
  writeFileSync(file, JSON.stringify(doc));
}, 60_000);

interface Finding {
  code: string;
  severity: number; // 0 error, 1 warn
  message: string;
  path: string[];
}

function lint(ruleset: string): Finding[] {
  // Spectral exits non-zero when it finds errors; the findings are on stdout either way.
  const r = spawnSync(process.execPath, ['node_modules/@stoplight/spectral-cli/dist/index.js', 'lint', file, '-r', ruleset, '-f', 'json', '-q'], {
    encoding: 'utf8',
  });
  const out = r.stdout.trim();
  if (!out.startsWith('[')) throw new Error(`spectral failed: ${r.stderr}${out}`);
  return JSON.parse(out) as Finding[];
}

const errorsOf = (f: Finding[]) => f.filter((x) => x.severity === 0).map((x) => `${x.code} at ${x.path.join('.')}: ${x.message}`);

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and documents the core paths: health, login, cases, plan, events', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/health', '/auth/login', '/cases', '/cases/{id}', '/cases/{id}/plan', '/cases/{id}/events', '/openapi.json']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });

  it('declares the media types a download is actually sent in', () => {
    const media = (path: string) => Object.keys(doc.paths[path].get.responses['200'].content).sort();
    expect(media('/commitments/export')).toEqual(['text/csv']);
    expect(media('/rules/export')).toEqual(['application/json', 'text/csv']);
    expect(doc.paths['/rules/export'].get.responses['200'].content['application/json'].schema).toMatchObject({ type: 'array' });
  });

  it('passes the API Design Rules 2.2 linter with no errors', () => {
    expect(errorsOf(lint('standards/adr-2.2.0-rc.1-spectral.yaml'))).toEqual([]);
  }, 60_000);

  it('passes the API Design Rules 2.1 linter with no errors but its OpenAPI-version rule', () => {
    // ADR 2.1.0's `openapi3` rule only accepts OpenAPI 3.0.x; Regie publishes 3.1
    // (JSON Schema 2020-12, which the zod schemas produce), as ADR 2.2 allows.
    const errors = errorsOf(lint('standards/adr-2.1.0-spectral.yml'));
    expect(errors.filter((e) => !e.startsWith('openapi3 at openapi'))).toEqual([]);
  }, 60_000);
});
