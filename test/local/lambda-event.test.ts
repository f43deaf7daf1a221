import type { IncomingMessage } from 'node:http';
import { proxyEvent } from '../../lib/local/lambda-event';

const request = (url: string) =>
  ({ method: 'GET', url, headers: { host: 'localhost' }, socket: { remoteAddress: '127.0.0.1' } }) as unknown as IncomingMessage;

describe('the proxy event local mode builds', () => {
  it('carries query parameters named like members of Object.prototype as parameters', () => {
    const url = new URL('http://localhost/x?valueOf=1&constructor=2&__proto__=3&__proto__=4');
    const event = proxyEvent(request(url.pathname + url.search), url, Buffer.alloc(0), { resource: '/x', pathParameters: null }, null);
    expect(Object.entries(event.queryStringParameters ?? {})).toEqual([
      ['valueOf', '1'],
      ['constructor', '2'],
      ['__proto__', '4'],
    ]);
    expect(Object.entries(event.multiValueQueryStringParameters ?? {})).toEqual([
      ['valueOf', ['1']],
      ['constructor', ['2']],
      ['__proto__', ['3', '4']],
    ]);
  });
});
