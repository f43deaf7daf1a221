import * as http from 'node:http';
import { departmentKeyLookup } from '../../../lambda/shared/department-api-keys';

describe("which API key is each department's", () => {
  it('is unknown where the platform says nothing, and read from the environment in local mode', async () => {
    expect(departmentKeyLookup({})).toBeUndefined();
    const local = departmentKeyLookup({ DEPARTMENT_API_KEYS: JSON.stringify({ TD: 'key-td' }) });
    expect(await local?.('TD')).toBe('key-td');
    expect(await local?.('constructor')).toBeUndefined();
  });

  describe('in AWS, through the parameters extension', () => {
    const asked: { name: string | null; token: string | undefined }[] = [];
    const server = http.createServer((req, res) => {
      const name = new URL(req.url ?? '/', 'http://localhost').searchParams.get('name');
      asked.push({ name, token: req.headers['x-aws-parameters-secrets-token'] as string | undefined });
      if (name === '/gcp/departments/td/api-key-id') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ Parameter: { Name: name, Value: 'abc123' } }));
      } else {
        res.writeHead(400);
        res.end('parameter not found');
      }
    });
    beforeAll(() => new Promise<void>((resolve) => server.listen(2773, '127.0.0.1', resolve)));
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('reads the id the department stack published, with the session token, once for a while', async () => {
      const lookup = departmentKeyLookup({ DEPARTMENT_API_KEYS: 'parameter-store', PLATFORM_PREFIX: 'gcp', AWS_SESSION_TOKEN: 'session' });
      expect(await lookup?.('TD')).toBe('abc123');
      expect(await lookup?.('TD')).toBe('abc123');
      expect(await lookup?.('FEHD')).toBeUndefined();
      expect(asked).toEqual([
        { name: '/gcp/departments/td/api-key-id', token: 'session' },
        { name: '/gcp/departments/fehd/api-key-id', token: 'session' },
      ]);
    });
  });
});
