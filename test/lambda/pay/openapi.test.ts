import { payService } from '../../../lambda/pay/routes';
import { openApiDocument } from '../../../lib/openapi/openapi';

/** Pay's OpenAPI document declares what the service answers and enforces, so that a client (or schemathesis) can rely on it. */
describe("the payments service's OpenAPI document", () => {
  const doc = openApiDocument(payService) as any;
  const operation = (path: string, method: string) => doc.paths[`/pay${path}`][method];
  const statuses = (path: string, method: string) => Object.keys(operation(path, method).responses).sort();

  it('declares every status each route answers', () => {
    expect(statuses('/v1/payments', 'post')).toEqual(
      expect.arrayContaining(['200', '201', '400', '401', '409', '413', '415', '422', '429']),
    );
    expect(statuses('/v1/payments', 'get')).toEqual(expect.arrayContaining(['200', '401', '404', '422']));
    expect(statuses('/v1/payments/{paymentId}/cancel', 'post')).toEqual(expect.arrayContaining(['204', '404', '409']));
    expect(statuses('/v1/payments/{paymentId}/capture', 'post')).toEqual(expect.arrayContaining(['204', '404', '409']));
    expect(statuses('/v1/payments/{paymentId}/refunds', 'post')).toEqual(
      expect.arrayContaining(['202', '400', '404', '412', '413', '415', '422']),
    );
    expect(statuses('/secure/{token}', 'post')).toEqual(expect.arrayContaining(['200', '303', '400', '404', '413', '415']));
    expect(statuses('/secure/{token}/cancel', 'post')).toEqual(expect.arrayContaining(['303', '404']));
    expect(statuses('/secure', 'post')).toEqual(expect.arrayContaining(['303', '400']));
  });

  it("declares the Idempotency-Key Pay accepts, and the hosted page's HTML", () => {
    expect(operation('/v1/payments', 'post').parameters).toContainEqual({
      name: 'idempotency-key',
      in: 'header',
      required: false,
      schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[a-zA-Z0-9-]+$' },
    });
    expect(Object.keys(operation('/secure/{token}', 'get').responses['200'].content)).toEqual(['text/html']);
  });

  it("declares Pay's metadata rules, formats and enums in the create body", () => {
    const body = operation('/v1/payments', 'post').requestBody.content['application/json'].schema;
    expect(body.required.sort()).toEqual(['amount', 'description', 'reference', 'return_url']);
    expect(body.properties.metadata).toMatchObject({
      type: 'object',
      minProperties: 1,
      maxProperties: 15,
      propertyNames: { minLength: 1, maxLength: 30, not: { const: '__proto__' } },
      additionalProperties: { anyOf: [{ type: 'string', maxLength: 100 }, { type: 'number' }, { type: 'boolean' }] },
    });
    expect(body.properties.return_url).toMatchObject({ format: 'uri', maxLength: 2000 });
    expect(body.properties.amount).toMatchObject({ type: 'integer', minimum: 1, maximum: 10_000_000 });
    expect(body.properties.language).toMatchObject({ enum: ['en', 'zh'] });
    expect(body.properties.reference).toMatchObject({ maxLength: 255, pattern: '\\S' });
  });

  it('shows the refund body the use case reads, with refund_amount_available optional', () => {
    const body = operation('/v1/payments/{paymentId}/refunds', 'post').requestBody.content['application/json'].schema;
    expect(body).toMatchObject({ type: 'object', required: ['amount'], additionalProperties: false });
    expect(Object.keys(body.properties)).toEqual(['amount', 'refund_amount_available']);
  });

  it("declares Pay's search parameters, card filters included, each of which may be sent empty", () => {
    const parameters = Object.fromEntries(
      operation('/v1/payments', 'get').parameters.map((p: { name: string; schema: unknown }) => [p.name, p.schema]),
    );
    expect(Object.keys(parameters)).toEqual([
      'state',
      'reference',
      'email',
      'card_brand',
      'from_date',
      'to_date',
      'page',
      'display_size',
      'first_digits_card_number',
      'last_digits_card_number',
      'cardholder_name',
    ]);
    expect(parameters.first_digits_card_number.anyOf).toEqual([
      { type: 'string', const: '' },
      { type: 'string', pattern: '^\\d{6}$' },
    ]);
    expect(parameters.last_digits_card_number.anyOf[1]).toEqual({ type: 'string', pattern: '^\\d{4}$' });
    expect(parameters.card_brand.anyOf[1]).toEqual({ type: 'string', maxLength: 20 });
    expect(parameters.from_date.anyOf[1]).toMatchObject({ format: 'date-time' });
    expect(parameters.display_size.anyOf[1]).toEqual({ type: 'integer', minimum: 1, maximum: 500 });
  });
});
