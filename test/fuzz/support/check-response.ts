import type { FuzzCase } from './cases';
import type { ErrorShape } from './error-shape';
import type { WireResponse } from './http';

/**
 * Why a response breaks the rules for its case, or undefined: never a 5xx; a 4xx (of the
 * expected statuses) for a request invalid by construction; every error in the service's own
 * shape, or an HTML page on the routes that serve people rather than clients.
 */
export function responseProblem(c: FuzzCase, res: WireResponse, shape: ErrorShape, servesPages: boolean): string | undefined {
  const said = () => `${res.status} ${res.text.slice(0, 400)}`;
  if (res.status >= 500) return `a server error: ${said()}`;
  if (c.expect.outcome === 'refused') {
    if (res.status < 400) return `an invalid request was not refused: ${said()}`;
    if (c.expect.statuses && !c.expect.statuses.includes(res.status)) return `expected ${c.expect.statuses.join(' or ')}, got ${said()}`;
  }
  if (res.status < 400) return undefined;
  const type = String(res.headers['content-type'] ?? '');
  if (servesPages && type.startsWith('text/html')) {
    return /^<!doctype html>/i.test(res.text.trimStart()) ? undefined : `an HTML error that is not a page: ${said()}`;
  }
  if (!/^application\/json\b/.test(type) || res.json === undefined) return `an error that is not JSON (${type}): ${said()}`;
  const requestId = res.headers['x-request-id'];
  const mismatch = shape.mismatch(res.json, res.status, typeof requestId === 'string' ? requestId : undefined);
  return mismatch && `${mismatch}: ${said()}`;
}
