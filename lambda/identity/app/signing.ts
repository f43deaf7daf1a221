import type { IdentityCaller } from '../domain/caller';
import type { SignRequest } from '../domain/schemas';
import { canonicalStatement, SIGNING_ALGORITHM, type SignatureStatement } from '../domain/signing';
import { refused } from '../errors';
import type { SigningPorts } from '../ports';

/** The issuer a signing certificate names. */
export const SIGNING_ISSUER = 'Government identity service, verified-plus signing';

/**
 * Signs a document's digest for a person signed in at `verified-plus` (the route requires it):
 * the statement of who, what and when is signed with the assurance domain's key, kept with the
 * person's records, and answered with the key's certificate-like statement.
 */
export async function signDigest(ports: SigningPorts, caller: IdentityCaller, input: SignRequest) {
  if (caller.kind !== 'citizen') throw refused('Only the person signed in can sign.');
  const statement: SignatureStatement = {
    version: 1,
    signer: { subject: caller.subject, assurance: caller.assurance },
    document: { digestAlgorithm: 'SHA-256', digest: input.digest, ...(input.documentName ? { name: input.documentName } : {}) },
    signedAt: ports.clock().toISOString(),
    keyId: await ports.signer.keyId(),
  };
  const { signature } = await ports.signer.sign(canonicalStatement(statement));
  const signatureId = ports.newId();
  await ports.people.recordSignature(caller.subject, signatureId, statement);
  const publicKey = (await ports.signer.publicKey(statement.keyId)) ?? '';
  return {
    signatureId,
    statement,
    signature: Buffer.from(signature).toString('base64'),
    algorithm: SIGNING_ALGORITHM,
    certificate: { keyId: statement.keyId, publicKey, assuranceDomain: 'verified-plus' as const, issuer: SIGNING_ISSUER },
  };
}

/** Whether a signature is one of ours over this statement: anyone may ask. */
export async function verifySignature(ports: SigningPorts, input: { statement: SignatureStatement; signature: string }) {
  const message = canonicalStatement(input.statement);
  const valid = await ports.signer.verify(input.statement.keyId, message, Buffer.from(input.signature, 'base64'));
  return valid ? { valid, signer: input.statement.signer.subject, signedAt: input.statement.signedAt } : { valid };
}
