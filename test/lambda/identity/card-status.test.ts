import { checkCardStatus, registerCard } from '../../../lambda/identity/app/card-status';
import { CARD_STATUS_QUERIES_PER_MINUTE } from '../../../lambda/identity/domain/card-status';
import type { AuditEntry, IdentityPorts } from '../../../lambda/identity/ports';

function fakePorts(now = new Date('2026-12-02T10:00:30Z')) {
  const register = new Map<string, string>();
  const audit: AuditEntry[] = [];
  const windows = new Map<string, number>();
  const ports = {
    register: {
      status: async (hash: string) => register.get(hash) as any,
      record: async (e: { cardHash: string; status: string }) => void register.set(e.cardHash, e.status),
    },
    audit: {
      append: async (e: AuditEntry) => void audit.push(e),
      countQuery: async (department: string, window: { key: string }, limit: number) => {
        const key = `${department}|${window.key}`;
        if ((windows.get(key) ?? 0) >= limit) return false;
        windows.set(key, (windows.get(key) ?? 0) + 1);
        return true;
      },
    },
    people: {} as IdentityPorts['people'],
    cardHash: async (n: string) => `hash-of-${n}`,
    clock: () => now,
    newId: () => 'id',
  } satisfies IdentityPorts;
  return { ports, register, audit, windows };
}

const officer = { kind: 'officer', subject: 'officer-td', department: 'TD', roles: ['officer', 'card-verification'] } as const;
const registrar = { kind: 'officer', subject: 'reg-1', department: 'IMMD', roles: ['card-registration'] } as const;

describe('card status', () => {
  it('audits who asked, when, for which department, the hashed number and the answer', async () => {
    const { ports, audit } = fakePorts();
    await registerCard(ports, registrar, { cardNumber: 'A123456(3)', status: 'reported-lost' }, { requestId: 'r0' });
    const answer = await checkCardStatus(ports, officer, { cardNumber: 'a1234563' }, { requestId: 'r1' });
    expect(answer).toEqual({ status: 'reported-lost', checkedAt: '2026-12-02T10:00:30.000Z' });
    expect(audit.at(-1)).toEqual({
      kind: 'card-status',
      department: 'TD',
      principal: 'officer-td',
      at: '2026-12-02T10:00:30.000Z',
      cardHash: 'hash-of-A1234563',
      answer: 'reported-lost',
      requestId: 'r1',
    });
    expect(JSON.stringify(audit)).not.toContain('A123456(3)');
  });

  it('counts nothing and stores nothing for a bad check digit', async () => {
    const { ports, audit, windows } = fakePorts();
    await expect(checkCardStatus(ports, officer, { cardNumber: 'A123456(4)' }, { requestId: 'r' })).rejects.toMatchObject({ status: 400 });
    expect(audit).toEqual([]);
    expect(windows.size).toBe(0);
  });

  it('refuses a department past its queries of the minute with 429 and when to retry', async () => {
    const { ports, audit } = fakePorts();
    for (let i = 0; i < CARD_STATUS_QUERIES_PER_MINUTE; i++)
      await checkCardStatus(ports, officer, { cardNumber: 'A123456(3)' }, { requestId: `r${i}` });
    const refusal = checkCardStatus(ports, officer, { cardNumber: 'A123456(3)' }, { requestId: 'late' });
    await expect(refusal).rejects.toMatchObject({ status: 429, headers: { 'retry-after': '30' } });
    expect(audit).toHaveLength(CARD_STATUS_QUERIES_PER_MINUTE);
    // Another department has its own minute.
    const other = { ...officer, department: 'FEHD' };
    await expect(checkCardStatus(ports, other, { cardNumber: 'A123456(3)' }, { requestId: 'x' })).resolves.toMatchObject({
      status: 'not-issued',
    });
  });

  it('is for officers with the card-verification role only', async () => {
    const { ports } = fakePorts();
    const plain = { ...officer, roles: ['officer'] };
    await expect(checkCardStatus(ports, plain, { cardNumber: 'A123456(3)' }, { requestId: 'r' })).rejects.toMatchObject({ status: 403 });
    await expect(registerCard(ports, officer, { cardNumber: 'A123456(3)', status: 'valid' }, { requestId: 'r' })).rejects.toMatchObject({
      status: 403,
    });
  });
});
