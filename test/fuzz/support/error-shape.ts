import { HttpError } from '../../../lambda/shared/errors';
import type { ServiceDefinition } from '../../../lambda/shared/route';

/**
 * The error shape of a service, learnt from its own `formatError` rather than written here:
 * the formatter is run over errors of every 4xx status, with and without details, and a
 * response must match one of the bodies it produced. Matching is structural (same keys, same
 * JSON types, more keys allowed: CKAN's field errors, Pay's `field`), and where the formatter
 * echoed the status or the request id, the response must carry its own status and
 * `x-request-id` there. Flags and numbers the formatter writes whatever its input (CKAN's
 * `success: false`) must be exactly those values.
 */
export interface ErrorShape {
  /** Why the body does not match, or undefined when it does. */
  mismatch(body: unknown, status: number, requestId: string | undefined): string | undefined;
}

const REQUEST_ID = 'request-id-00000000-aaaa-4bbb-8ccc-dddddddddddd';
const STATUSES = [400, 401, 403, 404, 405, 409, 412, 413, 415, 422, 428, 429];

interface Sample {
  readonly status: number;
  readonly body: unknown;
}

type Path = readonly (string | number)[];

function leaves(value: unknown, path: Path = []): [Path, unknown][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [[path, value]];
}

const key = (path: Path) => path.map((p) => (typeof p === 'number' ? '[]' : p)).join('.');

export function errorShapeOf(service: ServiceDefinition): ErrorShape {
  const samples: Sample[] = [];
  let n = 0;
  for (const status of STATUSES) {
    for (const details of [undefined, [{ field: `body.field${n}`, message: `wrong ${n}` }], { limitBytes: n }]) {
      n++;
      samples.push({ status, body: service.formatError(new HttpError(status, `code_${n}`, `message ${n}`, details), REQUEST_ID) });
    }
  }
  // Leaves with the same value in every sample: written by the formatter whatever the error.
  const byPath = new Map<string, unknown[]>();
  for (const s of samples) for (const [path, value] of leaves(s.body)) byPath.set(key(path), [...(byPath.get(key(path)) ?? []), value]);
  const constants = new Map<string, unknown>();
  for (const [path, values] of byPath) {
    // Texts may differ where a handler words its own error (CKAN's `help` names the action).
    if (values.length === samples.length && values.every((v) => v === values[0]) && typeof values[0] !== 'string')
      constants.set(path, values[0]);
  }

  function fits(
    body: unknown,
    sample: unknown,
    sampleStatus: number,
    status: number,
    requestId: string | undefined,
    path: Path,
  ): string | undefined {
    const at = key(path) || '(body)';
    if (sample === null) return undefined;
    if (sample === REQUEST_ID) {
      if (typeof body !== 'string') return `${at} should be the request id`;
      return requestId !== undefined && body !== requestId ? `${at} is ${body}, not the x-request-id ${requestId}` : undefined;
    }
    if (constants.has(key(path)) && body !== constants.get(key(path))) return `${at} should be ${JSON.stringify(constants.get(key(path)))}`;
    if (typeof sample === 'number' && sample === sampleStatus && body !== status) return `${at} should be the status ${status}`;
    if (Array.isArray(sample)) {
      if (!Array.isArray(body)) return `${at} should be a list`;
      if (sample.length > 0 && body.length === 0) return `${at} should not be empty`;
      for (const [i, item] of body.entries()) {
        const problem = sample.length > 0 ? fits(item, sample[0], sampleStatus, status, requestId, [...path, i]) : undefined;
        if (problem) return problem;
      }
      return undefined;
    }
    if (typeof sample === 'object') {
      if (body === null || typeof body !== 'object' || Array.isArray(body)) return `${at} should be an object`;
      for (const [k, v] of Object.entries(sample)) {
        if (!(k in body)) return `${[...path, k].join('.')} is missing`;
        const problem = fits((body as Record<string, unknown>)[k], v, sampleStatus, status, requestId, [...path, k]);
        if (problem) return problem;
      }
      return undefined;
    }
    return typeof body === typeof sample ? undefined : `${at} should be a ${typeof sample}`;
  }

  return {
    mismatch(body, status, requestId) {
      const problems: string[] = [];
      for (const sample of samples) {
        const problem = fits(body, sample.body, sample.status, status, requestId, []);
        if (!problem) return undefined;
        problems.push(problem);
      }
      return `the body matches none of ${service.name}'s error shapes (${[...new Set(problems)].slice(0, 4).join('; ')})`;
    },
  };
}
