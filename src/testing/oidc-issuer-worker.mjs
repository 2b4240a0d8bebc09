// A real OpenID Connect provider (oidc-provider) for tests, in a worker thread so that
// its clock can run apart from the test's: `clockOffsetMs` moves the provider's "now".
// Who logs in is chosen by the browser of the test: the `login_hint` of the
// authorization request names one of the accounts handed in, with its claims and acr
// (a real browser, which adds no hint, logs in as the default account).
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { clockOffsetMs, accounts, clients, idTokenTtl, defaultAccount } = workerData;
const realNow = Date.now;
Date.now = () => realNow() + clockOffsetMs;

const { default: Provider } = await import('oidc-provider');

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' };
const CLAIMS = ['sub', 'email', 'name', 'given_name', 'family_name', 'bsn', 'kvk', 'vestigingsnummer', 'groups', 'company', 'acting_subject_id'];

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients,
  jwks: { keys: [jwk] },
  cookies: { keys: ['test-cookie-key-0123456789'] },
  claims: { openid: CLAIMS },
  conformIdTokenClaims: false,
  acrValues: [
    ...new Set(
      Object.values(accounts)
        .map((a) => a.acr)
        .filter(Boolean),
    ),
  ],
  features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
  ttl: { IdToken: idTokenTtl, AccessToken: 3600, AuthorizationCode: 60, Grant: 3600, Interaction: 600, Session: 3600 },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (_ctx, id) => {
    const a = accounts[id];
    return a ? { accountId: id, claims: () => ({ sub: id, ...a.claims }) } : undefined;
  },
  // First-party clients of the test: consent is given at once.
  loadExistingGrant: async (ctx) => {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    grant.addOIDCClaims(CLAIMS);
    await grant.save();
    return grant;
  },
});
const callback = provider.callback();

server.on('request', async (req, res) => {
  try {
    if (req.url?.startsWith('/interaction/')) {
      const details = await provider.interactionDetails(req, res);
      const id = details.params.login_hint ?? defaultAccount;
      const account = accounts[id];
      if (!account) {
        await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'unknown test account' }, { mergeWithLastSubmission: false });
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: id, ...(account.acr ? { acr: account.acr } : {}) } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    callback(req, res);
  } catch (e) {
    res.statusCode = 500;
    res.end(String(e));
  }
});

parentPort.postMessage({ issuer });
parentPort.on('message', (m) => {
  if (m === 'close') server.close(() => process.exit(0));
});
