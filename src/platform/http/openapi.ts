// The OpenAPI 3.1 document's head. Paths and schemas come from the routes' zod
// schemas (@fastify/swagger + fastify-type-provider-zod), so documentation and
// validation never drift apart. Checked against the Dutch API Design Rules.
export function openApiInfo(publicUrl: string) {
  const server = publicUrl.startsWith('https://') ? publicUrl : 'https://regie.example.nl';
  return {
    openapi: '3.1.0' as const,
    info: {
      title: 'Regie API',
      description:
        'JSON API van Regie, het platform voor de regisserende gemeente: zaken (casussen), case-regie, plan van aanpak en tijdlijn. Alles wat de webapp doet, loopt via deze API.',
      version: '1.0.0',
      contact: { name: 'Regie', url: 'https://regie.example.nl', email: 'regie@example.nl' },
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: `${server}/api/v1`, description: 'Regie' }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey' as const, in: 'cookie', name: 'regie_session', description: 'Sessie na inloggen (schrijven vereist de X-CSRF-Token header)' },
        bearer: { type: 'http' as const, scheme: 'bearer', description: 'Persoonlijk API-token' },
      },
    },
    security: [{ session: [] }, { bearer: [] }] as Array<Record<string, string[]>>,
  };
}

type Json = Record<string, any>;

/**
 * Finish the generated document for the API Design Rules: every success response
 * declares the API-Version header (/core/version-header), every error response is
 * application/problem+json (RFC 9457), and /openapi.json declares its CORS header.
 */
export function finishDocument(doc: Json, apiVersion: string): Json {
  const versionHeader = { description: 'Volledige versie van de API', schema: { type: 'string', example: apiVersion } };
  const tags = new Set<string>();
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const [method, op] of Object.entries<Json>(item)) {
      if (!op || typeof op !== 'object' || !op.responses) continue;
      // A stable operationId from method and path: GET /cases/{id}/plan → getCasesIdPlan.
      op.operationId ??=
        method +
        path
          .split(/[^a-zA-Z0-9]+/)
          .filter(Boolean)
          .map((w) => w[0]?.toUpperCase() + w.slice(1))
          .join('');
      op.description ??= op.summary;
      for (const t of op.tags ?? []) tags.add(t);
      for (const [code, res] of Object.entries<Json>(op.responses)) {
        if (/^[23]\d\d$/.test(code)) {
          res.headers = { ...(res.headers ?? {}), 'API-Version': versionHeader };
          if (path === '/openapi.json') res.headers['access-control-allow-origin'] = { description: 'Altijd *', schema: { type: 'string' } };
        } else if (/^[45]\d\d$/.test(code) && res.content) {
          const schema = res.content['application/json']?.schema ?? Object.values<Json>(res.content)[0]?.schema;
          res.content = { 'application/problem+json': { schema } };
        }
      }
    }
  }
  doc.tags = [...tags].map((name) => ({ name }));
  pruneSchemas(doc);
  // Named schemas in alphabetical order: the order modules happen to be loaded in
  // must not change the document (nor the web app's generated types).
  if (doc.components?.schemas) {
    doc.components.schemas = Object.fromEntries(Object.entries<Json>(doc.components.schemas).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return doc;
}

/**
 * Every schema registered with an id is converted twice, for requests (`…Input`)
 * and for responses; keep only the components the document refers to.
 */
function pruneSchemas(doc: Json): void {
  const schemas: Json = doc.components?.schemas ?? {};
  const refsIn = (x: unknown) => [...JSON.stringify(x).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] as string);
  const used = new Set<string>();
  const todo = refsIn(doc.paths);
  for (let name = todo.pop(); name !== undefined; name = todo.pop()) {
    if (used.has(name)) continue;
    used.add(name);
    todo.push(...refsIn(schemas[name]));
  }
  // A component's own `$id` (zod writes its reference there) and `$schema` are not
  // valid inside an OpenAPI document's components.
  const bare = ({ $id: _id, $schema: _schema, ...schema }: Json) => schema;
  doc.components.schemas = Object.fromEntries(
    Object.entries(schemas)
      .filter(([name]) => used.has(name))
      .map(([name, schema]) => [name, bare(schema)]),
  );
}
