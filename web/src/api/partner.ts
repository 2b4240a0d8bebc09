// The API calls of a collaboration read by a municipality that is one of its parties
// (docs/product.md#a-partner-municipality-reads-a-collaboration).
import { apiAnswer as answer, apiClient as client } from '../api.js';

export const partnerApi = {
  collaborations: (signal?: AbortSignal) => answer(client.GET('/partner-collaborations', { signal })),
  collaboration: (id: string, signal?: AbortSignal) => answer(client.GET('/partner-collaborations/{id}', { params: { path: { id } }, signal })),
  /** the sheet as every party sees it, as a PDF */
  sheet: (id: string) => `/api/v1/partner-collaborations/${id}/sheet.pdf`,
};
