import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import * as z from 'zod';
import { dynamo, STORAGE_CALLS, type StorageCall } from '../../../lambda/shared/aws-clients';
import { decodeCursor, encodeCursor } from '../../../lambda/shared/cursor';
import { conditionalPut, conditionalUpdate, queryAll, queryPage, scanAll, tableOf } from '../../../lambda/shared/dynamo';
import { createIdempotently, decideIdempotency, type IdempotencyRefusals } from '../../../lambda/shared/idempotency';
import { dynamoIdempotencyStore } from '../../../lambda/shared/idempotency-store';
import { builtOnce } from '../../../lambda/shared/once';
import { afterAttempt, type Delivery, dispatchDue, newDelivery, retryDelaySeconds } from '../../../lambda/shared/outbox';
import { dynamoOutbox } from '../../../lambda/shared/outbox-store';
import type { StorageDefinition } from '../../../lambda/shared/storage-definition';
import { useEmbeddedStorage } from '../../helpers/embedded-storage';

const storage: StorageDefinition = {
  tables: [
    {
      name: 'things',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      indexes: [{ name: 'due', partitionKey: { name: 'queue', type: 'S' }, sortKey: { name: 'nextAttemptAt', type: 'S' } }],
    },
  ],
  buckets: [],
};
const table = () => tableOf('things');

describe('the shared toolkit against embedded DynamoDB', () => {
  useEmbeddedStorage('toolkit', storage);

  describe('conditional writes', () => {
    it('answer a lost race as a value, and only one of two racing creates wins', async () => {
      const create = () =>
        conditionalPut({ TableName: table(), Item: { pk: 'RACE', sk: 'one', n: 1 }, ConditionExpression: 'attribute_not_exists(pk)' });
      const outcomes = await Promise.all([create(), create(), create()]);
      expect(outcomes.filter((o) => o.won)).toHaveLength(1);
      const update = await conditionalUpdate({
        TableName: table(),
        Key: { pk: 'RACE', sk: 'one' },
        UpdateExpression: 'SET n = :next',
        ConditionExpression: 'n = :expected',
        ExpressionAttributeValues: { ':next': 2, ':expected': 1 },
        ReturnValues: 'ALL_NEW',
      });
      expect(update).toEqual({ won: true, attributes: expect.objectContaining({ n: 2 }) });
      const stale = await conditionalUpdate({
        TableName: table(),
        Key: { pk: 'RACE', sk: 'one' },
        UpdateExpression: 'SET n = :next',
        ConditionExpression: 'n = :expected',
        ExpressionAttributeValues: { ':next': 3, ':expected': 1 },
      });
      expect(stale.won).toBe(false);
    });

    it('let errors other than a failed condition through', async () => {
      await expect(
        conditionalPut({ TableName: 'no-such-table', Item: { pk: 'x', sk: 'y' }, ConditionExpression: 'attribute_not_exists(pk)' }),
      ).rejects.toThrow();
    });
  });

  it('records each storage call while a benchmark asks, and nothing otherwise', async () => {
    const calls: StorageCall[] = [];
    const holder = globalThis as { [STORAGE_CALLS]?: StorageCall[] };
    holder[STORAGE_CALLS] = calls;
    try {
      await dynamo().send(new GetCommand({ TableName: table(), Key: { pk: 'none', sk: 'none' } }));
    } finally {
      delete holder[STORAGE_CALLS];
    }
    await dynamo().send(new GetCommand({ TableName: table(), Key: { pk: 'none', sk: 'none' } }));
    expect(calls).toEqual([{ service: 'dynamodb', command: 'GetItemCommand', startedMs: expect.any(Number), endedMs: expect.any(Number) }]);
    expect(calls[0].endedMs).toBeGreaterThanOrEqual(calls[0].startedMs);
  });

  describe('paging', () => {
    beforeAll(async () => {
      for (let i = 0; i < 30; i++) {
        await dynamo().send(
          new PutCommand({ TableName: table(), Item: { pk: 'LIST', sk: `item#${String(i).padStart(2, '0')}`, even: i % 2 === 0 } }),
        );
      }
    });
    const list = () => ({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'LIST' } });

    it('follows every page of a query and a segmented scan', async () => {
      expect(await queryAll({ ...list(), Limit: 7 })).toHaveLength(30);
      const scanned = await scanAll({ TableName: table(), FilterExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'LIST' } }, 3);
      expect(scanned).toHaveLength(30);
    });

    it('pages a filtered query without repeating or skipping an item', async () => {
      const filtered = { ...list(), FilterExpression: 'even = :yes', ExpressionAttributeValues: { ':pk': 'LIST', ':yes': true } };
      const seen: string[] = [];
      let startKey: Record<string, unknown> | undefined;
      let pages = 0;
      do {
        const page = await queryPage(filtered, { limit: 4, startKey });
        expect(page.items.length).toBeLessThanOrEqual(4);
        seen.push(...page.items.map((item) => String(item.sk)));
        startKey = page.lastKey;
        pages++;
      } while (startKey && pages < 20);
      expect(seen).toEqual(Array.from({ length: 15 }, (_, i) => `item#${String(i * 2).padStart(2, '0')}`));
    });
  });

  describe('idempotency', () => {
    const refusals: IdempotencyRefusals = {
      invalidKey: () => new Error('invalid key'),
      reusedWithOtherRequest: () => new Error('reused'),
      stillInProgress: () => new Error('in progress'),
    };
    const policy = { windowSeconds: 3600, keyPattern: /^[a-z0-9-]{4,64}$/ };
    const store = dynamoIdempotencyStore({
      table,
      keyOf: (scope) => ({ pk: `IDEMPOTENCY#${scope}`, sk: 'CLAIM' }),
      partitionKey: 'pk',
      resultAttribute: 'thingId',
    });
    const created = new Map<string, { id: string; body: unknown }>();
    let ids = 0;
    const call = (key: string | undefined, body: unknown, now = new Date('2026-01-01T00:00:00Z'), owner = 'TD') => ({
      key,
      owner,
      request: body,
      now,
      newId: () => `thing-${++ids}`,
      replay: async (id: string) => created.get(id),
      create: async (id: string) => {
        const thing = { id, body };
        created.set(id, thing);
        return thing;
      },
    });

    it('creates once for a key and body, replays the retry, refuses another body', async () => {
      const first = await createIdempotently(store, policy, refusals, call('key-1', { a: 1, b: 2 }));
      const retry = await createIdempotently(store, policy, refusals, call('key-1', { b: 2, a: 1 }));
      expect(first.replayed).toBe(false);
      expect(retry).toEqual({ result: first.result, replayed: true });
      await expect(createIdempotently(store, policy, refusals, call('key-1', { a: 9 }))).rejects.toThrow('reused');
      await expect(createIdempotently(store, policy, refusals, call('no', {}))).rejects.toThrow('invalid key');
    });

    it('keeps owners apart, forgets a key after its window, and creates every time without a key', async () => {
      const td = await createIdempotently(store, policy, refusals, call('key-2', {}));
      const hkpf = await createIdempotently(store, policy, refusals, call('key-2', {}, undefined, 'HKPF'));
      expect(hkpf.result.id).not.toBe(td.result.id);
      const later = await createIdempotently(store, policy, refusals, call('key-2', {}, new Date('2026-01-01T02:00:00Z')));
      expect(later.replayed).toBe(false);
      const a = await createIdempotently(store, policy, refusals, call(undefined, {}));
      const b = await createIdempotently(store, policy, refusals, call(undefined, {}));
      expect(a.result.id).not.toBe(b.result.id);
    });

    it('creates exactly once when retries race', async () => {
      const before = created.size;
      const outcomes = await Promise.allSettled(
        Array.from({ length: 5 }, () => createIdempotently(store, policy, refusals, call('race-key', { x: 1 }))),
      );
      expect(created.size).toBe(before + 1);
      const ids = new Set(outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.result.id] : [])));
      expect(ids.size).toBe(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(String(o.reason)).toMatch(/in progress/);
    });

    it('gives the key up when the creation fails, so a retry creates', async () => {
      const failing = { ...call('fail-key', {}), create: async () => Promise.reject(new Error('storage down')) };
      await expect(createIdempotently(store, policy, refusals, failing)).rejects.toThrow('storage down');
      expect((await createIdempotently(store, policy, refusals, call('fail-key', {}))).replayed).toBe(false);
    });

    it('decides by fingerprint and expiry', () => {
      const claim = { fingerprint: 'f', resultId: 'r', expiresAt: 100 };
      expect(decideIdempotency(claim, 'f', 99)).toEqual({ kind: 'replay', resultId: 'r' });
      expect(decideIdempotency(claim, 'g', 99)).toEqual({ kind: 'reused-with-other-request' });
      expect(decideIdempotency(claim, 'g', 100)).toEqual({ kind: 'new' });
      expect(decideIdempotency(undefined, 'f', 0)).toEqual({ kind: 'new' });
    });
  });

  describe('outbox', () => {
    type Receipt = Delivery & { readonly url: string };
    const outbox = dynamoOutbox<Receipt>({
      table,
      keyOf: (id) => ({ pk: `DELIVERY#${id}`, sk: 'DELIVERY' }),
      dueIndex: { name: 'due', partitionKey: 'queue', sortKey: 'nextAttemptAt' },
      queue: 'receipts',
      keepSeconds: 86400,
      storageAttributes: ['pk', 'sk'],
    });
    const policy = { firstDelaySeconds: 60, maxRetries: 2 };

    it('backs off as its policy says and gives up', () => {
      expect([1, 2, 3].map((n) => retryDelaySeconds(policy, n))).toEqual([60, 120, undefined]);
      expect(retryDelaySeconds({ firstDelaySeconds: 60, maxDelaySeconds: 100 }, 5)).toBe(100);
      const start = newDelivery('d', new Date('2026-01-01T00:00:00Z'), { url: 'u' });
      const capped = { firstDelaySeconds: 3600, giveUpAfterSeconds: 1800 };
      expect(afterAttempt(start, 500, new Date('2026-01-01T00:00:00Z'), capped).state).toBe('abandoned');
      expect(afterAttempt(start, 204, new Date(), policy)).toMatchObject({ state: 'delivered', attempts: 1, lastResponseStatus: 204 });
    });

    it('delivers what is due, retries failures when due again, and abandons after the last retry', async () => {
      let now = new Date('2026-01-01T00:00:00Z');
      const statuses: number[] = [500, 500, 500];
      const sent: string[] = [];
      const run = () =>
        dispatchDue({
          outbox,
          policy,
          clock: () => now,
          request: async (d) => ({ url: d.url, headers: {}, body: d.id }),
          send: async (request) => {
            sent.push(request.body);
            const status = statuses.shift();
            if (status === undefined) throw new Error('no answer');
            return { status };
          },
        });
      await outbox.save(newDelivery('d1', now, { url: 'https://td.example/cb' }));
      expect(await run()).toEqual({ attempted: 1, delivered: 0, retrying: 1, abandoned: 0 });
      expect(await run()).toMatchObject({ attempted: 0 });
      now = new Date(now.getTime() + 60_000);
      expect(await run()).toMatchObject({ attempted: 1, retrying: 1 });
      now = new Date(now.getTime() + 120_000);
      expect(await run()).toMatchObject({ attempted: 1, abandoned: 1 });
      now = new Date(now.getTime() + 3600_000);
      expect(await run()).toMatchObject({ attempted: 0 });
      expect(sent).toEqual(['d1', 'd1', 'd1']);
    });
  });

  describe('cursors', () => {
    const position = z.strictObject({ s: z.string().min(1), i: z.string().min(1) });
    it('round-trip a position and refuse what the schema does not accept', () => {
      fc.assert(
        fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (s, i) => {
          expect(decodeCursor(encodeCursor({ s, i }), position)).toEqual({ s, i });
        }),
      );
      for (const bad of [
        '%%%',
        '',
        Buffer.from('[1]').toString('base64url'),
        encodeCursor({ s: 'x' }),
        encodeCursor({ s: 'x', i: 'y', z: 1 }),
      ]) {
        expect(decodeCursor(bad, position)).toBeUndefined();
      }
    });
  });
});

describe('builtOnce', () => {
  it('builds once for concurrent callers and tries again after a failure', async () => {
    let builds = 0;
    let fail = true;
    const ports = builtOnce(async () => {
      builds++;
      if (fail) throw new Error('secret unavailable');
      return { built: builds };
    });
    await expect(Promise.all([ports(), ports()])).rejects.toThrow('secret unavailable');
    fail = false;
    const [a, b] = await Promise.all([ports(), ports()]);
    expect(a).toBe(b);
    expect(builds).toBe(2);
  });
});
