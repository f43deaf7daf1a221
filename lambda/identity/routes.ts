import { defineService } from '../shared/route';
import {
  cardRegistrationAnswerSchema,
  cardRegistrationSchema,
  cardStatusAnswerSchema,
  cardStatusQuerySchema,
  clientIdParams,
  consentListSchema,
  etagHeader,
  ifMatchHeader,
  profileInputSchema,
  profileSchema,
  signatureSchema,
  signRequestSchema,
  verifyAnswerSchema,
  verifyRequestSchema,
} from './domain/schemas';
import { formatError } from './errors';

/**
 * Digital identity: the smart identity card's status for departments, signing for people who
 * signed in at `verified-plus`, and each person's profile and sign-ins. Signing in itself is
 * OpenID Connect at the user pools (in AWS) or local mode's OpenID provider under `/identity`.
 */
export const identityService = defineService({
  name: 'identity',
  title: 'Digital identity',
  version: '1.0.0',
  basePath: '/identity',
  formatError,
  functions: {
    api: 'lambda/identity/handlers/http.ts',
    signing: 'lambda/identity/handlers/signing.ts',
    /** Records the sign-ins the citizen pool's trigger reports on its queue. */
    signIns: 'lambda/identity/handlers/sign-ins.ts',
  },
  functionSettings: { signIns: { memorySize: 256, timeoutSeconds: 30, reservedConcurrency: 10 } },
  environment: {
    /** The key card numbers are hashed with, base64, in local mode and tests. */
    cardHashKey: 'IDENTITY_CARD_HASH_KEY',
    /** ARN of the secret holding that key, in AWS. */
    cardHashKeySecretArn: 'IDENTITY_CARD_HASH_KEY_SECRET_ARN',
    /** ARN of the KMS key signatures are made with, in AWS; local mode signs with a key of its own. */
    signingKeyArn: 'IDENTITY_SIGNING_KEY_ARN',
  } as const,
  routes: {
    checkCardStatus: {
      method: 'POST',
      path: '/identity/v1/card-status',
      auth: 'department-officer',
      summary: 'Whether an identity card is valid, reported lost or replaced (an officer with the card-verification role)',
      description:
        'Answers only the card’s status, never anything about its holder. Every query is audited (who, when, which department, the card number hashed with a secret key, the answer) and counted: a department may ask 120 times a minute. The card number is checked for its check digit first; a wrong one is refused and nothing is counted or stored.',
      body: cardStatusQuerySchema,
      response: cardStatusAnswerSchema,
      responses: { 403: 'The officer does not have the card-verification role' },
    },
    registerCard: {
      method: 'POST',
      path: '/identity/v1/card-register',
      auth: 'staff',
      summary: 'Record a card’s status in the register (staff of the registration office, with the card-registration role)',
      body: cardRegistrationSchema,
      response: cardRegistrationAnswerSchema,
      responses: { 403: 'The staff member does not have the card-registration role' },
    },
    getProfile: {
      method: 'GET',
      path: '/identity/v1/profile',
      auth: 'citizen',
      summary: 'The signed-in person’s profile: name, preferred language, contact',
      description: 'Read with the person’s own token, by them or by a service they signed in to.',
      response: profileSchema,
      responseHeaders: { etag: etagHeader },
      responses: { 404: 'The person has not written a profile yet' },
    },
    putProfile: {
      method: 'PUT',
      path: '/identity/v1/profile',
      auth: 'citizen',
      summary: 'Write the signed-in person’s profile',
      body: profileInputSchema,
      headers: ['if-match'],
      headerSchemas: { 'if-match': ifMatchHeader },
      response: profileSchema,
      responseHeaders: { etag: etagHeader },
      responses: { 412: 'If-Match names a version the profile no longer has' },
    },
    listConsents: {
      method: 'GET',
      path: '/identity/v1/consents',
      auth: 'citizen',
      summary: 'The services the signed-in person has signed in to, and when',
      response: consentListSchema,
    },
    revokeConsent: {
      method: 'DELETE',
      path: '/identity/v1/consents/{clientId}',
      auth: 'citizen',
      summary: 'Forget a service’s sign-ins: it must ask the person to sign in again',
      params: clientIdParams,
      successStatus: 204,
    },
    signDigest: {
      method: 'POST',
      path: '/identity/v1/signatures',
      auth: { citizen: 'verified-plus' },
      function: 'signing',
      summary: 'Sign a document’s SHA-256 digest (a person signed in at verified-plus)',
      description:
        'Signs a statement of who (the person’s subject and assurance level), what (the digest) and when, with the verified-plus domain’s key, which never leaves KMS; answers the signature and the key’s certificate-like statement.',
      body: signRequestSchema,
      successStatus: 201,
      response: signatureSchema,
      links: {
        verify: {
          route: 'verifySignature',
          parameters: {},
          description: 'Verify the signature with its statement',
        },
      },
    },
    verifySignature: {
      method: 'POST',
      path: '/identity/v1/signatures/verify',
      auth: 'public',
      function: 'signing',
      summary: 'Whether a signature was made by the identity service over this statement (anyone)',
      body: verifyRequestSchema,
      response: verifyAnswerSchema,
    },
  },
});
