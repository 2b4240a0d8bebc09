// Thin HTTP layer for places: address suggestions (public, rate-limited like the
// intake), the map's settings (public) and the areas' boundaries (docs/geo.md).
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { singleLine } from '../../platform/http/schemas.js';
import { type App, ctxOf, IdParams, Problem } from '../../platform/http/server.js';
import { MAX_BOUNDARY_POSITIONS } from './model.js';
import { listAreaBoundaries, lookupAddress, removeAreaBoundary, setAreaBoundary, suggestAddresses } from './service.js';

const tags = ['Adres en kaart'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const upstreamErrors = { 400: Problem, 404: Problem, 429: Problem, 503: Problem };
/** as many suggestion requests as someone types letters in a minute, per client */
const rateLimit = { max: 120, timeWindow: '1 minute' };

const Position = z.array(z.number()).min(2).max(3).describe('[lengtegraad, breedtegraad] in WGS84');
const Ring = z.array(Position).max(MAX_BOUNDARY_POSITIONS);
const Geometry = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).max(1000) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).max(1000)).max(1000) }),
  ])
  .describe('GeoJSON Polygon of MultiPolygon in WGS84 (RFC 7946), binnen Nederland');
const BoundaryOut = z.object({ areaId: z.string(), geometry: Geometry, updatedAt: z.string() });
z.globalRegistry.add(BoundaryOut, { id: 'AreaBoundary' });

const Suggestion = z.object({ id: z.string(), label: z.string().describe('weergavenaam van PDOK'), type: z.string().describe('adres of weg') });
const Address = Suggestion.extend({
  addressId: z.string().nullable().describe('BAG nummeraanduiding-id; null voor een weg'),
  lon: z.number(),
  lat: z.number(),
  rdX: z.number().describe('RD New (EPSG:28992), meter'),
  rdY: z.number(),
});
z.globalRegistry.add(Address, { id: 'Address' });

const present = (b: Awaited<ReturnType<typeof listAreaBoundaries>>[number]) => ({ ...b, updatedAt: b.updatedAt.toISOString() });

export function geoRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/map',
    {
      schema: {
        tags,
        summary: 'De kaartinstellingen van deze installatie: tegels, bronvermelding, en of adressuggesties aan staan (publiek)',
        security: [],
        response: {
          200: z.object({
            tileUrl: z.string().describe('tegels met {z}/{x}/{y} in Web Mercator; leeg: geen achtergrondkaart'),
            attribution: z.string(),
            addressSuggestions: z.boolean(),
          }),
        },
      },
    },
    async () => ({ tileUrl: deps.config.mapTileUrl, attribution: deps.config.mapAttribution, addressSuggestions: deps.config.addressSearchUrl !== null }),
  );

  app.get(
    '/api/v1/addresses/suggest',
    {
      schema: {
        tags,
        summary: 'Adressuggesties bij wat iemand typt, van PDOK’s Locatieserver (publiek)',
        description: 'Regie vraagt het PDOK; is PDOK onbereikbaar, dan een 503 en blijft vrije tekst mogelijk.',
        security: [],
        querystring: z.object({ q: singleLine().trim().min(2).max(200) }),
        response: { 200: z.object({ items: z.array(Suggestion) }), ...upstreamErrors },
      },
      config: { rateLimit },
    },
    async (req) => ({ items: await suggestAddresses(deps, req.query.q) }),
  );

  app.get(
    '/api/v1/addresses/lookup',
    {
      schema: {
        tags,
        summary: 'Het punt en de BAG-id van één adressuggestie (publiek)',
        security: [],
        querystring: z.object({
          id: z
            .string()
            .max(100)
            .regex(/^[a-z]{2,5}-[0-9a-f]{8,64}$/, 'een id uit de suggesties'),
        }),
        response: { 200: Address, ...upstreamErrors },
      },
      config: { rateLimit },
    },
    async (req) => lookupAddress(deps, req.query.id),
  );

  app.get(
    '/api/v1/area-boundaries',
    { schema: { tags, summary: 'De grenzen van de gebieden van de eigen gemeente', response: { 200: z.object({ items: z.array(BoundaryOut) }), ...errors } } },
    async (req) => ({ items: (await listAreaBoundaries(ctxOf(deps, req))).map(present) }),
  );

  app.put(
    '/api/v1/areas/:id/boundary',
    {
      schema: {
        tags,
        summary: 'De grens van een gebied instellen (GeoJSON, vervangt de vorige)',
        params: IdParams,
        body: z.object({ geometry: Geometry }),
        response: { 200: BoundaryOut, ...errors },
      },
      bodyLimit: 2 * 1024 * 1024,
    },
    async (req) => present(await setAreaBoundary(ctxOf(deps, req), { areaId: req.params.id, geometry: req.body.geometry as never })),
  );

  app.delete(
    '/api/v1/areas/:id/boundary',
    { schema: { tags, summary: 'De grens van een gebied verwijderen', params: IdParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await removeAreaBoundary(ctxOf(deps, req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
