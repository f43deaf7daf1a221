import { forbidden, HttpError, notFound } from '../shared/errors';

/** The exchange's errors, in the platform's error body; nothing is changed when one is thrown (but the log of a refusal). */
export { platformErrorFormat as formatError } from '../shared/error-format';

export const noDepartment = () => forbidden('The exchange is between departments: sign in as an officer of one.');
export const noSuchService = (id: string) => notFound(`There is no data service ${id}.`);
export const noSuchRequest = (id: string) => notFound(`There is no access request ${id} of your department.`);
export const tableTaken = (table: string) => new HttpError(409, 'conflict', `Your department publishes table ${table} already.`);
export const requestChanged = (id: string) =>
  new HttpError(409, 'conflict', `Request ${id} was decided while this request ran; read it again.`);

/** A refusal of the exchange's rules: 403 for who may act, 422 for what was asked. Logged before it is thrown. */
const FORBIDDEN_CODES = new Set(['not_owner', 'requester_decides', 'not_requester']);
export const refused = (code: string, message: string) => new HttpError(FORBIDDEN_CODES.has(code) ? 403 : 422, code, message);
