// A real OpenID Connect provider for Plaza's tests: the certified npm
// package oidc-provider, on loopback, with one confidential client and its
// built-in development login and consent pages (any password signs in; the
// login name picks the account below). Configured by environment:
//   OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI
// Prints "ready ISSUER" when it listens. Each start signs with a new key.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;

// Login name → claims. `sub` is the login name.
const ACCOUNTS = {
  ada: { email: 'ada@city.example', email_verified: true, name: 'Ada Lovelace', preferred_username: 'ada' },
  grace: { email: 'grace@city.example', email_verified: false, name: 'Grace Hopper', preferred_username: 'grace' },
  linus: { email: 'linus@city.example', email_verified: true, name: 'Linus', preferred_username: 'linus' },
};

// A new signing key at every start, as after a key rotation.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };

const provider = new Provider(issuer, {
  jwks: { keys: [signingKey] },
  clients: [{
    client_id: process.env.OIDC_CLIENT_ID,
    client_secret: process.env.OIDC_CLIENT_SECRET,
    redirect_uris: [process.env.OIDC_REDIRECT_URI],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'preferred_username'],
  },
  // The claims go into the ID token itself (Plaza reads no userinfo).
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ['plaza-tests-only'] },
  async findAccount(ctx, sub) {
    const claims = ACCOUNTS[sub] ?? { email: `${sub}@city.example`, email_verified: true };
    return { accountId: sub, async claims() { return { sub, ...claims }; } };
  },
});

provider.listen(port, '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
