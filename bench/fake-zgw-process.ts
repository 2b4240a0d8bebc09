// The fake Zaken API (src/testing/fake-zgw.ts) in a process of its own, for the
// intake benchmark (bench/intake-integrations.ts): it validates every request against
// the specification, and that work must not count as Regie's CPU. Started with
// child_process.fork; tells its parent the Zaken API URL, then answers "stats" with
// what it received so far and stops on "stop".
import { startFakeZgw } from '../src/testing/fake-zgw.js';

export interface FakeZgwStats {
  zaken: number;
  statussen: number;
  requests: number;
  violations: string[];
}

export type FakeZgwMessage = { type: 'ready'; zakenUrl: string } | ({ type: 'stats' } & FakeZgwStats);

const clientId = process.env.FAKE_ZGW_CLIENT_ID ?? '';
const secret = process.env.FAKE_ZGW_SECRET ?? '';
if (!process.send || !clientId || !secret) throw new Error('start this file with child_process.fork and FAKE_ZGW_CLIENT_ID / FAKE_ZGW_SECRET');
const send = (m: FakeZgwMessage) => process.send?.(m);

const fake = await startFakeZgw({ clientId, secret });
process.on('message', (m: { type: 'stats' | 'stop' }) => {
  if (m.type === 'stats')
    send({
      type: 'stats',
      zaken: fake.zaken.length,
      statussen: fake.statussen.length,
      requests: fake.requests.length,
      violations: fake.violations.slice(0, 20),
    });
  if (m.type === 'stop') void fake.close().then(() => process.exit(0));
});
process.on('disconnect', () => void fake.close().then(() => process.exit(0)));
send({ type: 'ready', zakenUrl: fake.zakenUrl });
