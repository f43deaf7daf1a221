import { createHash } from 'node:crypto';
import { canonicalStatement, type SignatureStatement } from '../../../lambda/identity/domain/signing';
import { LocalSigner } from '../../../lambda/identity/store/local-signer';

const statement: SignatureStatement = {
  version: 1,
  signer: { subject: 'citizen-1', assurance: 'verified-plus' },
  document: { digestAlgorithm: 'SHA-256', digest: createHash('sha256').update('tender.pdf').digest('hex') },
  signedAt: '2026-12-02T10:00:00.000Z',
  keyId: 'k',
};

describe('signature statements', () => {
  it('serialise canonically: keys sorted, whatever order they were built in', () => {
    const reordered = {
      keyId: 'k',
      signedAt: statement.signedAt,
      document: statement.document,
      signer: statement.signer,
      version: 1,
    } as const;
    expect(Buffer.from(canonicalStatement(reordered)).toString()).toBe(Buffer.from(canonicalStatement(statement)).toString());
    expect(Buffer.from(canonicalStatement(statement)).toString()).toMatch(
      /^\{"document":\{"digest":"[0-9a-f]{64}","digestAlgorithm":"SHA-256"\},"keyId":"k"/,
    );
  });
});

describe("local mode's signer", () => {
  const env: NodeJS.ProcessEnv = {};
  const signer = new LocalSigner(env);

  it('signs so that its public key verifies, and a changed statement does not', async () => {
    const message = canonicalStatement(statement);
    const { signature, keyId } = await signer.sign(message);
    expect(await signer.verify(keyId, message, signature)).toBe(true);
    const changed = canonicalStatement({ ...statement, signer: { ...statement.signer, subject: 'citizen-2' } });
    expect(await signer.verify(keyId, changed, signature)).toBe(false);
    expect(await signer.verify('another-key', message, signature)).toBe(false);
  });

  it('keeps its key across restarts over the same environment', async () => {
    const again = new LocalSigner(env);
    expect(await again.keyId()).toBe(await signer.keyId());
    const { signature } = await signer.sign(canonicalStatement(statement));
    expect(await again.verify(await again.keyId(), canonicalStatement(statement), signature)).toBe(true);
  });
});
