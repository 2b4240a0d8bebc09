// The API calls of attachments (docs/product.md#attachments). Uploads are multipart:
// the browser's FormData goes as it is, with its own boundary.
import { apiAnswer as answer, apiClient as client } from '../api.js';
import type { ResponseOf } from './models.js';

export type Attachment = ResponseOf<'/cases/{id}/attachments', 'get'>['items'][number];
export type AttachmentOn = Attachment['on'];

/** The file as a multipart body; the honeypot field (left empty by people) goes first. */
function formOf(file: File, honeypot?: string): FormData {
  const form = new FormData();
  if (honeypot !== undefined) form.append('website', honeypot);
  form.append('file', file, file.name);
  return form;
}
// openapi-fetch serialises bodies as JSON unless told otherwise; FormData sets its own Content-Type.
const asIs = (b: unknown) => b as FormData;

export const attachmentsApi = {
  list: (caseId: string, signal?: AbortSignal) => answer(client.GET('/cases/{id}/attachments', { params: { path: { id: caseId } }, signal })),
  add: (caseId: string, on: AttachmentOn, file: File, target?: string) =>
    answer(
      client.POST('/cases/{id}/attachments', {
        params: { path: { id: caseId }, query: { on, ...(target ? { target } : {}) } },
        body: formOf(file) as never,
        bodySerializer: asIs,
      }),
    ),
  /** with a public intake just sent, by someone without an account */
  addToIntake: (slug: string, caseId: string, file: File) =>
    answer(
      client.POST('/public/municipalities/{slug}/cases/{id}/attachments', {
        params: { path: { slug, id: caseId } },
        body: formOf(file, '') as never,
        bodySerializer: asIs,
      }),
    ),
  remove: (attachmentId: string) => answer(client.DELETE('/attachments/{id}', { params: { path: { id: attachmentId } } })),
  limits: (signal?: AbortSignal) => answer(client.GET('/attachment-settings', { signal })),
  setLimits: (maxFileMb: number, maxFiles: number) => answer(client.PUT('/attachment-settings', { body: { maxFileMb, maxFiles } })),
};

/** The address the browser downloads a file from (the session cookie goes along). */
export const attachmentDownload = (attachmentId: string) => `/api/v1/attachments/${attachmentId}/content`;

/** What the file input offers; the server decides by the content. */
export const ACCEPTED_FILES = '.pdf,.png,.jpg,.jpeg,.webp,.heic,application/pdf,image/png,image/jpeg,image/webp,image/heic';
