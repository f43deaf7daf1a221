import * as z from 'zod';
import { ASSURANCE_LEVELS } from '../../shared/assurance';
import { emailAddress } from '../../shared/email-address';
import { CARD_STATUSES } from './card-status';
import { CARD_NUMBER_PATTERN } from './identity-card';
import { LANGUAGES } from './profile';
import { SIGNING_ALGORITHM } from './signing';

/** As people write it: `A123456(3)`, `A1234563`, `a123456(3)`; checked for its check digit by the service. */
const cardNumber = z
  .string()
  .max(16)
  .regex(/^\s*[A-Za-z]{1,2}[0-9]{6}\(?[0-9Aa]\)?\s*$/, 'write an identity card number like A123456(3)')
  .describe(
    `A Hong Kong identity card number with its check digit, like A123456(3) (pattern ${CARD_NUMBER_PATTERN.source} once upper-cased)`,
  );

/** Body of POST /identity/v1/card-status. */
export const cardStatusQuerySchema = z.strictObject({ cardNumber });

export const cardStatusAnswerSchema = z.strictObject({
  status: z.enum([...CARD_STATUSES, 'not-issued']),
  checkedAt: z.string(),
});

/** Body of POST /identity/v1/card-register. */
export const cardRegistrationSchema = z.strictObject({ cardNumber, status: z.enum(CARD_STATUSES) });
export type CardRegistrationInput = z.infer<typeof cardRegistrationSchema>;

export const cardRegistrationAnswerSchema = z.strictObject({ status: z.enum(CARD_STATUSES), updatedAt: z.string() });

const hexDigest = z.string().regex(/^[0-9a-fA-F]{64}$/, 'give the SHA-256 digest as 64 hexadecimal digits');
const documentName = z.string().min(1).max(200).regex(/\S/, 'must not be blank');

/** Body of POST /identity/v1/signatures. */
export const signRequestSchema = z.strictObject({
  digestAlgorithm: z.literal('SHA-256'),
  digest: hexDigest.transform((d) => d.toLowerCase()),
  documentName: documentName.optional(),
});
export type SignRequest = z.infer<typeof signRequestSchema>;

export const statementSchema = z.strictObject({
  version: z.literal(1),
  signer: z.strictObject({ subject: z.string().min(1).max(128), assurance: z.enum(ASSURANCE_LEVELS) }),
  document: z.strictObject({ digestAlgorithm: z.literal('SHA-256'), digest: hexDigest, name: documentName.optional() }),
  signedAt: z.iso.datetime(),
  keyId: z.string().min(1).max(256),
});

const base64 = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'give the signature in base64');

export const signatureSchema = z.strictObject({
  signatureId: z.string(),
  statement: statementSchema,
  /** ECDSA P-256 over the statement's canonical JSON, DER, base64. */
  signature: z.string(),
  algorithm: z.literal(SIGNING_ALGORITHM),
  /** Who vouches for the key: a certificate-like statement a verifier can keep. */
  certificate: z.strictObject({
    keyId: z.string(),
    publicKey: z.string(),
    assuranceDomain: z.enum(ASSURANCE_LEVELS),
    issuer: z.string(),
  }),
});

/** Body of POST /identity/v1/signatures/verify. */
export const verifyRequestSchema = z.strictObject({ statement: statementSchema, signature: base64 });

export const verifyAnswerSchema = z.strictObject({
  valid: z.boolean(),
  signer: z.string().optional(),
  signedAt: z.string().optional(),
});

const email = emailAddress;
const phone = z.string().regex(/^\+[1-9][0-9]{6,14}$/, 'write a phone number in international form, like +85291234567');

/** Body of PUT /identity/v1/profile. */
export const profileInputSchema = z.strictObject({
  name: z.string().min(1).max(120).regex(/\S/, 'must not be blank'),
  preferredLanguage: z.enum(LANGUAGES),
  contact: z.strictObject({ email: email.optional(), phone: phone.optional() }).default({}),
});
export type ProfileInput = z.infer<typeof profileInputSchema>;

export const profileSchema = z.strictObject({
  subject: z.string(),
  name: z.string(),
  preferredLanguage: z.enum(LANGUAGES),
  contact: z.strictObject({ email: z.string().optional(), phone: z.string().optional() }),
  updatedAt: z.string(),
  version: z.number(),
});

export const consentListSchema = z.strictObject({
  consents: z.array(z.strictObject({ clientId: z.string(), firstSignedInAt: z.string(), lastSignedInAt: z.string() })),
});

export const clientIdParams = z.strictObject({
  clientId: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9._~-]+$/, 'a client id'),
});

/** The ETag of the profile as last read, like `"3"`; any other value is a version the profile does not have (412). */
export const IF_MATCH_MAX_LENGTH = 64;
export const ifMatchHeader = z.string().max(IF_MATCH_MAX_LENGTH).describe('The ETag of the profile as you last read it, like "3"');
export const etagHeader = z.string();
