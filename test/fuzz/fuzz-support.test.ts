import { SERVICES } from '../../lambda/registry';
import { matchRoute } from './support/cases';
import { errorShapeOf } from './support/error-shape';
import { readQuery } from './support/query-values';
import { decodeSegment, encodeSegment } from './support/strings';

/** The fuzzer's own judgement, checked on answers known to be right and wrong. */
describe('error shapes learnt from each service’s formatter', () => {
  const shape = (service: keyof typeof SERVICES) => errorShapeOf(SERVICES[service].definition);

  it('accepts the platform’s shape only with the response’s own request id', () => {
    const body = { error: { code: 'validation_failed', message: 'no', details: [{ field: 'query', message: 'x' }], requestId: 'r-1' } };
    expect(shape('platform').mismatch(body, 400, 'r-1')).toBeUndefined();
    expect(shape('platform').mismatch(body, 400, 'r-2')).toMatch(/x-request-id r-2/);
    expect(shape('platform').mismatch({ message: 'no' }, 400, 'r-1')).toMatch(/error is missing/);
  });

  it('holds Notify to its status_code and error list', () => {
    const body = { status_code: 403, errors: [{ error: 'AuthError', message: 'Invalid token' }] };
    expect(shape('notify').mismatch(body, 403, 'r')).toBeUndefined();
    expect(shape('notify').mismatch(body, 401, 'r')).toMatch(/status_code should be the status 401/);
    expect(shape('notify').mismatch({ status_code: 400, errors: [] }, 400, 'r')).toMatch(/should not be empty/);
  });

  it('takes Pay’s coded errors with a field, and its framework’s {code, message}', () => {
    expect(
      shape('pay').mismatch({ code: 'P0102', description: 'Invalid attribute value: amount', field: 'amount' }, 422, 'r'),
    ).toBeUndefined();
    expect(shape('pay').mismatch({ code: 404, message: 'No route' }, 404, 'r')).toBeUndefined();
    expect(shape('pay').mismatch({ error: { code: 'x' } }, 400, 'r')).toBeDefined();
  });

  it('requires CKAN’s envelope to say success: false', () => {
    const body = {
      help: 'https://x/api/3/action/help_show?name=a',
      success: false,
      error: { __type: 'Validation Error', message: 'm', q: ['bad'] },
    };
    expect(shape('open-data').mismatch(body, 409, 'r')).toBeUndefined();
    expect(shape('open-data').mismatch({ ...body, success: true }, 409, 'r')).toMatch(/success should be false/);
  });
});

describe('paths and queries as the fuzzer sends and reads them', () => {
  it('encodes a lone surrogate as bytes no decoder accepts, and anything else so it reads back', () => {
    expect(encodeSegment('\uD800')).toBe('%ED%A0%80');
    expect(decodeSegment(encodeSegment('\uD800'))).toBeUndefined();
    for (const text of ['a/b', '香港 😀', '..', '%', '\u0000']) expect(decodeSegment(encodeSegment(text))).toBe(text);
  });

  it('matches a path to a route template as the server does, after dot segments are resolved', () => {
    expect(matchRoute('/pay/v1/payments/{paymentId}/cancel', '/pay/v1/payments/a%2Fb/cancel')).toEqual({ paymentId: 'a/b' });
    expect(matchRoute('/pay/v1/payments/{paymentId}/cancel', '/pay/v1/payments/%2E%2E/cancel')).toBeUndefined();
    expect(matchRoute('/pay/v1/payments/{paymentId}/cancel', '/pay/v1/payments//cancel')).toBeUndefined();
    expect(matchRoute('/notify/v2/template/{id}', '/notify/v2/template/%ED%A0%80')).toBeUndefined();
  });

  it('reads a repeated key as a list and a key named like a prototype member as a key', () => {
    const query = readQuery('a=1&a=2&__proto__=x&constructor=y');
    expect(Object.entries(query)).toEqual([
      ['a', ['1', '2']],
      ['__proto__', 'x'],
      ['constructor', 'y'],
    ]);
  });
});
