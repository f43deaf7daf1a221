import { conflict, forbidden, HttpError, notFound } from '../shared/errors';

/**
 * The procurement service's errors, in the platform's error body
 * (`{"error": {"code", "message", "details", "requestId"}}`); nothing is changed when one is thrown.
 */
export { platformErrorFormat as formatError } from '../shared/error-format';

export const noDepartment = () => forbidden('Tenders belong to a department: sign in as an officer of the buying department.');
export const notSupplierOfficer = () =>
  forbidden('Only an officer of a registered supplier may do this: register the supplier first (POST /procurement/v1/suppliers).');

export const noSuchTender = (id: string) => notFound(`There is no published tender ${id}.`);
export const noSuchQuestion = (id: string) => notFound(`The tender has no question ${id}.`);
export const noSuchBid = (tenderId: string) => notFound(`Your supplier has no bid for tender ${tenderId}.`);
export const noSuchRecord = (ocid: string) => notFound(`There is no OCDS record ${ocid}.`);

export const unprocessable = (code: string, message: string, details?: unknown) => new HttpError(422, code, message, details);

export const supplierExists = (brn: string) =>
  conflict(`A supplier with business registration number ${brn} is registered already: ask one of its officers to add you.`);
export const alreadyOfficer = () => conflict('You are an officer of a registered supplier already.');
export const invalidBrn = () =>
  unprocessable(
    'invalid_business_registration_number',
    'businessRegistrationNumber 00000000 is no business’s number: give the eight digits that begin the certificate number.',
  );
export const duplicateId = (what: string, id: string) =>
  unprocessable('duplicate_id', `Two ${what}s have the id ${id}: give each its own.`, { what, id });

export const notDraft = (id: string) => new HttpError(409, 'not_draft', `Tender ${id} is published already.`);
export const periodTooShort = (message: string, details: unknown) => unprocessable('tendering_period_too_short', message, details);
export const amendmentRefused = (message: string) => new HttpError(409, 'amendment_refused', message);
export const tenderChanged = (id: string) => conflict(`Tender ${id} changed while this request ran; read it again and retry.`);

/** 409: the server received the bid at or after the closing time; nothing was stored. */
export const tenderClosed = (id: string, closesAt: string, receivedAt: string) =>
  new HttpError(
    409,
    'tender_closed',
    `Tender ${id} closed at ${closesAt}; this request was received at ${receivedAt}. A bid counts only when the request that submits it is received before closing: nothing was stored.`,
    { closesAt, receivedAt },
  );
export const notOpenForBids = (id: string) => new HttpError(409, 'not_open_for_bids', `Tender ${id} is not receiving bids.`);
export const bidChanged = () => conflict('Your bid changed while this request ran (another submission or withdrawal); read it and retry.');
export const bidWithdrawn = (id: string) => new HttpError(409, 'bid_withdrawn', `Your bid for tender ${id} is withdrawn already.`);

export const notClosedYet = (id: string, closesAt: string) =>
  new HttpError(409, 'tender_not_closed', `Tender ${id} closes at ${closesAt}: its bids cannot be opened before then.`, { closesAt });
export const openingRefused = (code: string, message: string) => new HttpError(409, code, message);
export const alreadyAwarded = (id: string) => new HttpError(409, 'already_awarded', `Tender ${id} is awarded already.`);
export const contractRefused = (message: string) => new HttpError(409, 'contract_refused', message);
export const alreadyOpened = (id: string) => new HttpError(409, 'already_opened', `Tender ${id} is opened already.`);
export const notOpened = (id: string) =>
  new HttpError(409, 'not_opened', `Tender ${id} has not been opened by two officers: its bids stay sealed.`);
export const bidIntegrity = (supplierId: string) =>
  new HttpError(
    409,
    'bid_integrity',
    `The sealed bid of ${supplierId} does not match its receipt's SHA-256: the opening stops. Report it.`,
  );

export const invalidIdempotencyKey = () =>
  new HttpError(400, 'invalid_input', 'Idempotency-Key must be 8 to 128 letters, digits or . _ : -, like a UUID.');
export const idempotencyKeyReused = () =>
  unprocessable('idempotency_mismatch', 'This Idempotency-Key was used for a different draft; use a new key.');
export const idempotencyKeyInProgress = () => conflict('Another request with this Idempotency-Key is in progress; retry shortly.');
