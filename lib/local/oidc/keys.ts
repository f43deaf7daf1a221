import { exportJWK, generateKeyPair, type JWK } from 'jose';

export interface SigningKeys {
  /** Private JWKs, ES256 first (the default), then RS256. */
  readonly privateJwks: JWK[];
  /** The public JWKS. */
  readonly jwks: { keys: JWK[] };
  /** The ES256 private key as a JWK, to sign minted tokens. */
  readonly es256: JWK;
}

/** Generates fresh signing keys (ES256 and RS256): every start of the provider has its own. */
export async function generateSigningKeys(): Promise<SigningKeys> {
  const privateJwks: JWK[] = [];
  const publicJwks: JWK[] = [];
  for (const alg of ['ES256', 'RS256'] as const) {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
    const kid = `local-${alg.toLowerCase()}-${Date.now().toString(36)}`;
    privateJwks.push({ ...(await exportJWK(privateKey)), kid, alg, use: 'sig' });
    publicJwks.push({ ...(await exportJWK(publicKey)), kid, alg, use: 'sig' });
  }
  return { privateJwks, jwks: { keys: publicJwks }, es256: privateJwks[0] };
}
