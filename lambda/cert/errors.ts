import { conflict, forbidden, HttpError, notFound, preconditionFailed } from '../shared/errors';

/**
 * The CERT's errors. Its API answers in the platform's error body
 * (`{"error": {"code", "message", "details", "requestId"}}`); nothing is changed when one is thrown.
 */
export { platformErrorFormat as formatError } from '../shared/error-format';

/** 400: a value the route's schema accepts but the CERT cannot act on. */
export const invalidInput = (message: string) => new HttpError(400, 'invalid_input', message);

/** 403: the caller may not do this; the reason says who may. */
export const refused = (reason: string) => forbidden(reason);

export const noSuchIncident = (id: string) => notFound(`There is no incident ${id}.`);

export const foreignCursor = () => invalidInput('The cursor is not one this API returned; start again without it.');

export const invalidIdempotencyKey = () => invalidInput('Idempotency-Key must be 8 to 128 letters, digits or . _ : -, like a UUID.');

export const idempotencyKeyReused = () =>
  new HttpError(422, 'idempotency_mismatch', 'This Idempotency-Key was used for a different report; use a new key for a new report.');

export const idempotencyKeyInProgress = () => conflict('Another request with this Idempotency-Key is in progress; retry shortly.');

export const ifMatchRequired = () =>
  new HttpError(428, 'precondition_required', 'Send If-Match with the ETag of the incident as you last read it.');

export const malformedIfMatch = () =>
  invalidInput('If-Match must be the ETag of the incident as you last read it, like "3"; * is not accepted.');

export const incidentChanged = (id: string) =>
  preconditionFailed(`Incident ${id} has changed since you read it; read it again and reapply your change.`);

/** 409: a status move the incident's life does not allow; the message says which are. */
export const invalidTransition = (message: string) => new HttpError(409, 'invalid_transition', message);

export const noAdvisoryId = () => conflict('Could not allocate an advisory id; retry.');

export const alreadyCatalogued = (cveId: string) => conflict(`${cveId} is already in the catalogue.`);
