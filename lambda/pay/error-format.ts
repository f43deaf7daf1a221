import { HttpError } from '../shared/errors';
import type { ErrorFormatter, RequestProblem } from '../shared/route';
import { PayAuthError, PayError, unparsableJson } from './domain/errors';
import { CREATE_PAYMENT_CODES, CREATE_REFUND_CODES, payBodyError, paySearchError } from './domain/validation';

/**
 * GOV.UK Pay's error bodies whoever answers: `{code, description}` (with `field` or `header`)
 * from the service functions, and for what Pay's web framework answers itself (no or a bad API
 * key, an unknown path) its `{code, message}`. API Gateway's own responses use this format too.
 */
const PAY_AUTH_BODY = new PayAuthError().body;

/** A Pay error as the runtime carries it: the exact body rides in `details`. */
export function payHttpError(error: PayError | PayAuthError): HttpError {
  return new HttpError(error.statusCode, error instanceof PayError ? error.code : 'unauthorized', error.message, error.body);
}

/** Runs a service function, turning its Pay errors into the runtime's error. */
export async function payOutcome<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw err instanceof PayError || err instanceof PayAuthError ? payHttpError(err) : err;
  }
}

function isPayBody(details: unknown): details is object {
  return typeof details === 'object' && details !== null && !Array.isArray(details) && 'code' in details;
}

export const payErrorFormat: ErrorFormatter = (error) => {
  if (isPayBody(error.details)) return error.details;
  if (error.status === 401) return PAY_AUTH_BODY;
  if (error.status === 429) return { code: 'P0900', description: 'Too many requests' };
  if (error.status >= 500) return { code: 'P0999', description: 'The payments service is unavailable' };
  return { code: error.status, message: error.message };
};

/** A request the route schemas refuse, in Pay's words and with Pay's codes for the route. */
export function payRequestError(problem: RequestProblem): HttpError | undefined {
  const codes = problem.routeId === 'createRefund' ? CREATE_REFUND_CODES : CREATE_PAYMENT_CODES;
  if (problem.routeId === 'searchPayments' && problem.where === 'query' && problem.error)
    return payHttpError(paySearchError(problem.error));
  if (problem.where !== 'body' || !(problem.routeId === 'createPayment' || problem.routeId === 'createRefund')) return undefined;
  if (!problem.error) return payHttpError(unparsableJson(problem.routeId === 'createRefund' ? 'P0697' : 'P0197'));
  return payHttpError(payBodyError(problem.error, problem.input, codes));
}
