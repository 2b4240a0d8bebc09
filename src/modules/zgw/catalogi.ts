// Reading the municipality's Catalogi API (docs/product.md#zgw-zaaktype-choice,
// docs/zgw.md#choosing-the-zaaktype): the definitive zaaktypen with their status
// types, and the informatieobjecttypen, for the settings form; and whether chosen
// status types belong to the chosen zaaktype. Lists are followed page by page, only
// within the configured API, up to a limit.
import { type Call, call, ZgwFailure } from './client.js';
import { byVolgnummer, type CatalogusEntry, followable } from './model.js';

/** At most this many pages of one list are read (a catalogue far larger is not one to pick from). */
export const MAX_PAGES = 20;

export interface ZaaktypeChoice {
  url: string;
  identificatie: string;
  omschrijving: string;
  statustypen: CatalogusEntry[];
}

export interface InformatieobjecttypeChoice {
  url: string;
  omschrijving: string;
}

type Item = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** Every result of a paginated list, following `next` within the API, at most MAX_PAGES pages. */
async function all(c: Call, path: string): Promise<Item[]> {
  const out: Item[] = [];
  let page = (await call(c, 'GET', path)) as Item;
  for (let n = 1; ; n++) {
    const results = Array.isArray(page.results) ? (page.results as Item[]) : [];
    out.push(...results.filter((r) => r && typeof r === 'object' && typeof r.url === 'string'));
    if (n >= MAX_PAGES || !followable(page.next, c.base)) return out;
    page = (await call(c, 'GET', (page.next as string).slice(c.base.length))) as Item;
  }
}

/** The status types of one zaaktype, by volgnummer. */
export async function statustypenOf(c: Call, zaaktype: string): Promise<CatalogusEntry[]> {
  const rows = await all(c, `/statustypen?${new URLSearchParams({ zaaktype })}`);
  return byVolgnummer(
    rows
      .filter((r) => r.zaaktype === undefined || r.zaaktype === zaaktype)
      .map((r) => ({ url: text(r.url), omschrijving: text(r.omschrijving), volgnummer: typeof r.volgnummer === 'number' ? r.volgnummer : 0 })),
  );
}

/** The definitive zaaktypen, each with its status types. */
export async function zaaktypen(c: Call): Promise<ZaaktypeChoice[]> {
  const rows = await all(c, `/zaaktypen?${new URLSearchParams({ status: 'definitief' })}`);
  const out: ZaaktypeChoice[] = [];
  // a few at a time: a catalogue of many zaaktypen is not asked all at once
  for (let i = 0; i < rows.length; i += 4) {
    const chunk = rows.slice(i, i + 4);
    const lists = await Promise.all(chunk.map((r) => statustypenOf(c, text(r.url))));
    chunk.forEach((r, j) => {
      out.push({ url: text(r.url), identificatie: text(r.identificatie), omschrijving: text(r.omschrijving), statustypen: lists[j] ?? [] });
    });
  }
  return out.sort((a, b) => a.omschrijving.localeCompare(b.omschrijving, 'nl') || a.identificatie.localeCompare(b.identificatie));
}

/** The definitive informatieobjecttypen. */
export async function informatieobjecttypen(c: Call): Promise<InformatieobjecttypeChoice[]> {
  const rows = await all(c, `/informatieobjecttypen?${new URLSearchParams({ status: 'definitief' })}`);
  return rows.map((r) => ({ url: text(r.url), omschrijving: text(r.omschrijving) })).sort((a, b) => a.omschrijving.localeCompare(b.omschrijving, 'nl'));
}

export { ZgwFailure };
