import { createHash } from 'node:crypto';
import { checkDigit } from '../../lambda/identity/domain/identity-card';
import { DEMO_CARDS } from '../../lambda/identity/seed';
import { call, useLocalPlatform } from '../helpers/local-platform';

describe('identity over HTTP in local mode', () => {
  const platform = useLocalPlatform(['identity']);
  const officer = () => ({ token: platform.current.tokens.officers.TD, apiKey: platform.current.apiKeys.TD });

  describe('card status', () => {
    it('answers the status of each demo card, and nothing about its holder', async () => {
      for (const [status, cardNumber] of Object.entries(DEMO_CARDS)) {
        const res = await call(platform.current, 'POST', '/identity/v1/card-status', { ...officer(), body: { cardNumber } });
        expect(res.status).toBe(200);
        expect(Object.keys(res.json).sort()).toEqual(['checkedAt', 'status']);
        expect(res.json.status).toBe(status);
      }
      const unknown = await call(platform.current, 'POST', '/identity/v1/card-status', {
        ...officer(),
        body: { cardNumber: `Z999999(${checkDigit('Z', '999999')})` },
      });
      expect(unknown.json).toMatchObject({ status: 'not-issued' });
    });

    it('refuses a bad check digit in the OAuth error shape', async () => {
      const res = await call(platform.current, 'POST', '/identity/v1/card-status', { ...officer(), body: { cardNumber: 'A123456(4)' } });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ error: 'invalid_request', details: { problem: 'check-digit' } });
      expect(res.json.error_description).toMatch(/check digit/);
    });

    it('refuses a citizen, and an officer without a token', async () => {
      const citizen = await call(platform.current, 'POST', '/identity/v1/card-status', {
        token: platform.current.tokens.citizen,
        body: { cardNumber: DEMO_CARDS.valid },
      });
      expect(citizen.status).toBe(401);
      const none = await call(platform.current, 'POST', '/identity/v1/card-status', { body: { cardNumber: DEMO_CARDS.valid } });
      expect(none.status).toBe(401);
    });
  });

  describe('profile', () => {
    it("reads the person's own profile with their token and writes it over the version read", async () => {
      const token = platform.current.tokens.citizen;
      const read = await call(platform.current, 'GET', '/identity/v1/profile', { token });
      expect(read.status).toBe(200);
      expect(read.json).toMatchObject({ subject: 'citizen-demo', preferredLanguage: 'tc' });
      const etag = read.headers.get('etag') as string;
      const body = { name: 'Chan Tai Man', preferredLanguage: 'en', contact: { phone: '+85291234567' } };
      const written = await call(platform.current, 'PUT', '/identity/v1/profile', { token, body, headers: { 'if-match': etag } });
      expect(written.status).toBe(200);
      expect(written.json).toMatchObject({ preferredLanguage: 'en', version: read.json.version + 1 });
      const stale = await call(platform.current, 'PUT', '/identity/v1/profile', { token, body, headers: { 'if-match': etag } });
      expect(stale.status).toBe(412);
    });
  });

  describe('signing', () => {
    const digest = createHash('sha256').update('contract.pdf').digest('hex');

    it('asks a verified sign-in to step up to verified-plus', async () => {
      const res = await call(platform.current, 'POST', '/identity/v1/signatures', {
        token: platform.current.tokens.citizens.verified,
        body: { digestAlgorithm: 'SHA-256', digest },
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('error="insufficient_user_authentication"');
      expect(res.headers.get('www-authenticate')).toContain('acr_values="verified-plus"');
    });

    it('signs for verified-plus, and anyone can verify; a changed statement does not verify', async () => {
      const signed = await call(platform.current, 'POST', '/identity/v1/signatures', {
        token: platform.current.tokens.citizens['verified-plus'],
        body: { digestAlgorithm: 'SHA-256', digest, documentName: 'contract.pdf' },
      });
      expect(signed.status).toBe(201);
      expect(signed.json.statement).toMatchObject({
        signer: { subject: 'citizen-demo', assurance: 'verified-plus' },
        document: { digest },
      });
      expect(signed.json.certificate.publicKey).toContain('BEGIN PUBLIC KEY');
      const verify = (statement: unknown) =>
        call(platform.current, 'POST', '/identity/v1/signatures/verify', { body: { statement, signature: signed.json.signature } });
      expect((await verify(signed.json.statement)).json).toEqual({
        valid: true,
        signer: 'citizen-demo',
        signedAt: signed.json.statement.signedAt,
      });
      const forged = { ...signed.json.statement, signer: { subject: 'someone-else', assurance: 'verified-plus' } };
      expect((await verify(forged)).json).toEqual({ valid: false });
    });
  });

  describe('consents', () => {
    it('lists none for a person who signed in nowhere, and a revocation of nothing is 404', async () => {
      const token = platform.current.tokens.citizen;
      expect((await call(platform.current, 'GET', '/identity/v1/consents', { token })).json).toEqual({ consents: [] });
      expect((await call(platform.current, 'DELETE', '/identity/v1/consents/portal', { token })).status).toBe(404);
    });
  });
});
