import * as z from 'zod';
import { forbidden, HttpError, notFound, preconditionFailed } from '../shared/errors';
import type { ErrorFormatter } from '../shared/route';

/** The FHIR issue type of each HTTP status the service answers with. */
const ISSUE_CODES: Readonly<Record<number, string>> = {
  400: 'invalid',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  405: 'not-supported',
  409: 'conflict',
  410: 'deleted',
  412: 'conflict',
  413: 'too-costly',
  415: 'not-supported',
  422: 'processing',
  428: 'required',
  429: 'throttled',
};

/** Errors as FHIR R4 OperationOutcome: one issue, the platform's error code in `details`, the request id as its `expression`-free text. */
export const formatError: ErrorFormatter = (error, requestId) => ({
  resourceType: 'OperationOutcome',
  id: requestId,
  issue: [
    {
      severity: error.status >= 500 ? 'fatal' : 'error',
      code: ISSUE_CODES[error.status] ?? (error.status >= 500 ? 'exception' : 'processing'),
      details: { text: error.code },
      diagnostics: error.message,
    },
  ],
});

export const operationOutcomeSchema = z.object({
  resourceType: z.literal('OperationOutcome'),
  id: z.string(),
  issue: z.array(
    z.object({
      severity: z.enum(['fatal', 'error', 'warning', 'information']),
      code: z.string(),
      details: z.object({ text: z.string() }),
      diagnostics: z.string(),
    }),
  ),
});

export const noSuchResource = (type: string, id: string) => notFound(`There is no ${type}/${id}.`);
export const noSuchVersion = (type: string, id: string, version: string) => notFound(`${type}/${id} has no version ${version}.`);
export const readOnlyType = (type: string) =>
  new HttpError(
    405,
    'not_supported',
    `${type} is written by the service itself for every access, and is never changed: it can only be read.`,
  );
export const typeMismatch = (path: string, body: string) =>
  new HttpError(400, 'invalid', `The body is a ${body} but the request is for ${path}: send a ${path}.`);
export const idMismatch = (path: string, body: string | undefined) =>
  new HttpError(400, 'invalid', `The body's id (${body ?? 'none'}) is not the id in the address (${path}): an update carries its own id.`);
export const invalidResource = (message: string, details?: unknown) => new HttpError(422, 'invalid_resource', message, details);
export const invalidHkid = (value: string) =>
  invalidResource(`${value} is not a Hong Kong identity card number: its check digit does not match (like A123456(3)).`);
export const versionChanged = (type: string, id: string, current: string) =>
  preconditionFailed(`${type}/${id} is at version ${current}, not the one in If-Match: read it again and reapply the change.`);
export const malformedIfMatch = () => new HttpError(400, 'invalid', 'If-Match must be the ETag of the version read, like W/"3".');
export const malformedIfNoneExist = () =>
  new HttpError(400, 'invalid', 'If-None-Exist must be a search on identifier, like identifier=http://www.immd.gov.hk/hkid|A1234563.');
export const multipleMatches = (type: string) =>
  preconditionFailed(`More than one ${type} matches If-None-Exist: make the search specific enough to name one.`);
export const notStaff = () => forbidden('Only healthcare staff (a staff token) may do this.');
export const writeRaced = (type: string, id: string) =>
  new HttpError(409, 'conflict', `${type}/${id} changed while this request ran: read it again and retry.`);

const REFUSALS: Readonly<Record<string, string>> = {
  'not-joined': 'The patient has not joined eHR sharing (no joining consent in force).',
  'no-sharing-consent': "Your provider holds no sharing consent in force from this patient: record the patient's consent first.",
  'no-relationship':
    'You have no healthcare relationship with this patient at your provider (no encounter you took part in): record one, or break the glass in an emergency.',
  'own-records-only': 'A patient may see only their own records.',
  'patients-record-consent-only': 'A patient may record and revoke consent, not clinical records.',
  'audit-review-only': 'Only privacy officers review the access log; a patient sees theirs under /ehr/me/fhir/AuditEvent.',
  'practitioners-only':
    "Only a provider's practitioner (a staff token with provider: and practitioner: roles) may see a patient's records.",
  'other-patient': 'A patient may record consent only about themselves.',
  'other-provider': "A provider may record or change only its own patients' sharing consent to it.",
};

/** A 403 from the consent rules, its reason in `details`. */
export const accessRefused = (reason: string) => new HttpError(403, `consent_${reason.replace(/-/g, '_')}`, REFUSALS[reason] ?? reason);
export const patientRequired = (type: string) =>
  new HttpError(403, 'patient_required', `Name the patient: a ${type} is shown only under consent, one patient at a time (patient=...).`);
export const noPatientRecord = () =>
  forbidden('No eHR registration is linked to this sign-in account: register with a healthcare provider first.');
export const notForPatients = () => forbidden('This is for healthcare staff.');
export const recordNeedsPatient = (type: string) => invalidResource(`A ${type} must name its patient (subject or patient: Patient/<id>).`);

const CONSENT_PROBLEMS: Readonly<Record<string, string>> = {
  'not-a-consent-kind': `A Consent needs a category from https://www.ehealth.gov.hk/fhir/CodeSystem/consent-category (joining or sharing) and a dateTime or provision.period.start.`,
  'break-glass-by-operation': 'Emergency access is granted by the $break-glass operation only, and its grant never changes.',
  'sharing-needs-provider': 'A sharing consent names the provider it is given to (organization: Organization/<id>).',
  'term-too-long': 'A sharing consent is indefinite (no provision.period.end) or for at most 12 months.',
  'ends-before-start': 'provision.period.end must be after its start.',
  'revoked-stays-revoked': 'A revoked consent is not made active again: record a new consent.',
};

/** A consent the rules do not allow written: 403 for another's, 422 for one not well formed. */
export const consentRefused = (refusal: string) =>
  refusal === 'other-patient' || refusal === 'other-provider'
    ? accessRefused(refusal)
    : invalidResource(CONSENT_PROBLEMS[refusal] ?? refusal, [{ field: 'Consent', message: refusal }]);
export const patientChanged = (type: string, id: string) =>
  invalidResource(`${type}/${id} is about another patient: a record stays with its patient; record a new one instead.`);
export const notValidR4 = (type: string, problems: readonly { path: string; message: string }[]) =>
  invalidResource(
    `The ${type} is not valid FHIR R4: ${problems
      .slice(0, 5)
      .map((p) => `${p.path}: ${p.message}`)
      .join('; ')}.`,
    problems.map((p) => ({ field: p.path, message: p.message })),
  );
export const batchEntryNotUnderstood = (url: string, why = 'it names no type this service serves') =>
  new HttpError(400, 'invalid', `The batch entry for ${url} is not one this service can run: ${why}.`);
export const transactionNotSupported = () =>
  new HttpError(
    422,
    'transaction_not_supported',
    'Transactions are not supported: each resource is written on its own, so a transaction could not be undone in part. Send a batch.',
  );
