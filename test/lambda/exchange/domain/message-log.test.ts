import * as fc from 'fast-check';
import { chain, type LogEntry, type LogRecord, verify } from '../../../../lambda/exchange/domain/message-log';

const record = fc.record({
  at: fc.date({ min: new Date('2026-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  action: fc.constantFrom('request' as const, 'decision' as const, 'query' as const),
  actor: fc.string({ minLength: 1 }),
  actorDepartment: fc.constantFrom('TD', 'FEHD'),
  owner: fc.constantFrom('DPO', 'TD'),
  serviceId: fc.string({ minLength: 1 }),
  purpose: fc.string(),
  outcome: fc.constantFrom('answered' as const, 'refused' as const),
  resultSize: fc.nat(),
  requestSha256: fc.stringMatching(/^[0-9a-f]{64}$/),
  responseSha256: fc.stringMatching(/^[0-9a-f]{64}$/),
}) satisfies fc.Arbitrary<LogRecord>;

function built(records: LogRecord[]): LogEntry[] {
  const log: LogEntry[] = [];
  for (const r of records) log.push(chain(log.at(-1), r));
  return log;
}

describe('message log chain', () => {
  it('verifies as written', () => {
    fc.assert(fc.property(fc.array(record, { maxLength: 12 }), (records) => expect(verify(built(records)).valid).toBe(true)));
  });

  it('fails verification when any field of any entry changes', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat(), fc.string(), (records, i, f, junk) => {
        const log = built(records);
        const at = i % log.length;
        const fields = Object.keys(log[at]) as (keyof LogEntry)[];
        const field = fields[f % fields.length];
        const changed = {
          ...log[at],
          [field]: typeof log[at][field] === 'number' ? (log[at][field] as number) + 1 : `${String(log[at][field])}${junk}x`,
        };
        const tampered = log.map((e, j) => (j === at ? changed : e));
        const result = verify(tampered);
        expect(result.valid).toBe(false);
        expect(!result.valid && result.brokenAt).toBeLessThanOrEqual(at + 2);
      }),
    );
  });

  it('fails verification when an entry is removed', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 2, maxLength: 8 }), fc.nat(), (records, i) => {
        const log = built(records);
        const at = i % (log.length - 1);
        expect(verify(log.filter((_, j) => j !== at)).valid).toBe(false);
      }),
    );
  });
});
