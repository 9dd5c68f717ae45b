// A real OpenID provider (the oidc-provider package) for foyer's login tests.
//
//   node server.js --port P [--claims JSON]
//
// Issuer http://127.0.0.1:P, one native public client "foyer" (no client
// secret, PKCE required, loopback redirect URIs on any port as RFC 8252 7.3
// allows), development interactions: any login and password sign in, and the
// login becomes the subject. The ID token carries sub, email
// (<login>@example.com unless --claims gives one) and every claim of --claims,
// e.g. {"https://aws.amazon.com/tags": {...}}.
//
// Prints "ready <issuer>" on stdout once listening. GET /test/counts answers
// how many authorization and token requests it has seen, so tests can prove
// how many login flows ran; GET /test/device-counts how many device
// authorizations (RFC 8628; the user-code pages are at /device).
import { parseArgs } from 'node:util';
import Provider from 'oidc-provider';

const { values } = parseArgs({
  options: { port: { type: 'string' }, claims: { type: 'string', default: '{}' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: node server.js --port P [--claims JSON]');
  process.exit(2);
}
const extraClaims = JSON.parse(values.claims);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'foyer',
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    // The device flow (RFC 8628) for machines without a browser; refresh
    // tokens only when offline_access is asked for.
    grant_types: ['authorization_code', 'urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
    response_types: ['code'],
    // The port is ignored for native clients' loopback URIs.
    redirect_uris: ['http://127.0.0.1/callback'],
  }],
  // Custom claims go with the openid scope, so every ID token has them.
  claims: {
    openid: ['sub', ...Object.keys(extraClaims).filter((name) => !['email', 'email_verified'].includes(name))],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  // With the code flow the ID token carries the scope claims too (as most
  // providers do), which is what AWS reads.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true }, deviceFlow: { enabled: true } },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: `${id}@example.com`, email_verified: true, name: id, ...extraClaims };
      },
    };
  },
});

const counts = { authorization: 0, token: 0 };
const deviceCounts = { device_authorization: 0 };
provider.use(async (ctx, next) => {
  if (ctx.method === 'GET' && ctx.path === '/test/counts') {
    ctx.body = counts;
    return;
  }
  if (ctx.method === 'GET' && ctx.path === '/test/device-counts') {
    ctx.body = deviceCounts;
    return;
  }
  if (ctx.path === '/auth') counts.authorization += 1;
  if (ctx.path === '/token') counts.token += 1;
  if (ctx.path === '/device/auth') deviceCounts.device_authorization += 1;
  await next();
});

const server = provider.listen(port, '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
