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
