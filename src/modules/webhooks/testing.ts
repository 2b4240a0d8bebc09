// A webhook receiver for tests and the bench: a real HTTP server on a free local port
// that keeps what it was sent and answers as the test tells it to.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** how the n-th request (0-based) is answered: a status, or a redirect to a URL */
  answer: (n: number) => number | { redirect: string };
  close(): Promise<void>;
}

export async function startReceiver(answer: Receiver['answer'] = () => 204, path = '/regie/events'): Promise<Receiver> {
  const received: Received[] = [];
  const r: Receiver = { url: '', received, answer, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const n = received.length;
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const a = r.answer(n);
      if (typeof a === 'number') res.writeHead(a).end(a >= 400 ? 'nee' : '');
      else res.writeHead(302, { location: a.redirect }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  r.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return r;
}
