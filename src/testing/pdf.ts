// Reading a PDF back in tests: its text (in reading order, pages joined) and its
// metadata, with unpdf (pdf.js), independent of the library that wrote it.
import { extractText, getDocumentProxy, getMeta } from 'unpdf';

export async function pdfText(pdf: Uint8Array): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: true });
  return text;
}

export async function pdfInfo(pdf: Uint8Array): Promise<Record<string, unknown>> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { info } = await getMeta(doc);
  return info as Record<string, unknown>;
}
