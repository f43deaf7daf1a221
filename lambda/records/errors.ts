import { conflict, forbidden, HttpError, notFound, preconditionFailed } from '../shared/errors';

/**
 * The records service's errors. Its API answers in the platform's error body
 * (`{"error": {"code", "message", "details", "requestId"}}`); nothing is changed when one is thrown.
 */
export { platformErrorFormat as formatError } from '../shared/error-format';

export const refused = (reason: string) => forbidden(reason);
export const notRecordsManager = (department: string) =>
  forbidden(`Only a records manager of ${department} (role records-manager) may do this.`);
export const noDepartment = () =>
  forbidden('Records are kept by a department: sign in as an officer of the department whose records these are.');

export const noSuchClass = (code: string) => notFound(`There is no class ${code} in the file plan.`);
export const noSuchSchedule = (id: string) => notFound(`There is no disposal schedule ${id}.`);
export const noSuchRecord = (id: string) => notFound(`There is no record ${id}.`);
export const noSuchHold = (id: string) => notFound(`The record has no hold ${id}.`);

/** 422: a value the schema accepts that the file plan or schedules cannot take. */
export const unprocessable = (code: string, message: string, details?: unknown) => new HttpError(422, code, message, details);

export const classExists = (code: string) => conflict(`Class ${code} is in the file plan already.`);
export const scheduleExists = (id: string) => conflict(`Schedule ${id} exists already; change it with PUT and If-Match.`);
export const classInUse = (code: string, records: number, children: number) =>
  new HttpError(409, 'class_in_use', `Class ${code} holds ${records} record(s) and ${children} class(es): it cannot be deleted.`, {
    records,
    children,
  });
export const classWithoutSchedule = (code: string) =>
  unprocessable(
    'class_without_schedule',
    `Class ${code} names no disposal schedule, so it cannot hold records: declare into a class that names one.`,
  );
export const triggerDateRequired = (scheduleId: string) =>
  unprocessable('trigger_date_required', `Schedule ${scheduleId} counts from a date: give the record's triggerDate.`);

export const recordImmutable = (message: string) => new HttpError(409, 'record_immutable', message);
export const checksumMismatch = (declared: { size: number; sha256: string }, stored: { size: number; sha256: string }) =>
  unprocessable(
    'checksum_mismatch',
    `The uploaded file (${stored.size} bytes, SHA-256 ${stored.sha256}) is not the one declared (${declared.size} bytes, SHA-256 ${declared.sha256}); nothing was kept. Upload the declared file again.`,
    { declared, stored },
  );
export const contentMissing = () => unprocessable('content_missing', 'No file has been uploaded yet: PUT it to the upload URL first.');
export const lockMismatch = (message: string) => unprocessable('lock_mismatch', message);

export const invalidIdempotencyKey = () =>
  new HttpError(400, 'invalid_input', 'Idempotency-Key must be 8 to 128 letters, digits or . _ : -, like a UUID.');
export const idempotencyKeyReused = () =>
  new HttpError(422, 'idempotency_mismatch', 'This Idempotency-Key was used for a different declaration; use a new key.');
export const idempotencyKeyInProgress = () => conflict('Another request with this Idempotency-Key is in progress; retry shortly.');

export const ifMatchRequired = () =>
  new HttpError(428, 'precondition_required', 'Send If-Match with the ETag of the schedule as you last read it.');
export const malformedIfMatch = () =>
  new HttpError(400, 'invalid_input', 'If-Match must be the ETag of the schedule as you last read it, like "3"; * is not accepted.');
export const scheduleChanged = (id: string) =>
  preconditionFailed(`Schedule ${id} has changed since you read it; read it again and reapply your change.`);
export const recordChanged = (id: string) => conflict(`Record ${id} changed while this request ran; read it again and retry.`);

/** 409: the record cannot be disposed of now, or not by this officer; the code says why. */
export const disposalRefused = (code: string, message: string) => new HttpError(409, code, message);
export const noCertificate = (id: string) => notFound(`Record ${id} has not been disposed of: it has no disposal certificate.`);
export const exportTooLarge = (size: number, limit: number) =>
  new HttpError(
    422,
    'export_too_large',
    `The record's content is ${size} bytes; a bag is answered inline up to ${limit} bytes, and larger records are not exported here yet.`,
    { size, limit },
  );
export const fixityFailed = (id: string) =>
  new HttpError(
    409,
    'fixity_failed',
    `The stored content of record ${id} does not match its SHA-256: it is not exported. Report it to the records manager.`,
  );
