// The collaboration sheet as a file to download (docs/product.md#collaborations).
import type { FastifyReply } from 'fastify';
/** A collaboration sheet as a PDF download; the file name is made of safe characters only. */
export function sendSheet(reply: FastifyReply, s: { name: string; pdf: Buffer }) {
  const file =
    s.name
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'samenwerking';
  return reply
    .type('application/pdf')
    .header('Content-Disposition', `attachment; filename="samenwerking-${file}.pdf"`)
    .send(s.pdf as unknown as string);
}
