import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { type Requester, readResource, searchResources, writeSeed } from '../../../../lambda/ehr/app/resources';
import { dynamoPorts } from '../../../../lambda/ehr/compose';
import { HKID_SYSTEM, hkidCheckDigit } from '../../../../lambda/ehr/domain/hkid';
import { searchQuery } from '../../../../lambda/ehr/domain/schemas';
import { SEED_RESOURCES } from '../../../../lambda/ehr/seed';
import { EHR_TABLES, storage } from '../../../../lambda/ehr/storage';
import { sealedIdentityNumbers } from '../../../../lambda/ehr/store/identity-numbers';
import { tableOf } from '../../../../lambda/shared/dynamo';
import { useEmbeddedStorage } from '../../../helpers/embedded-storage';

const drChan: Requester = {
  who: 'dr-chan',
  actor: { kind: 'practitioner', practitioner: 'dr-chan', provider: 'qmh' },
  sourceIp: '10.0.0.1',
  requestId: 'req-1',
};
const P1_HKID = `A123456${hkidCheckDigit('A123456')}`;

async function tableText(): Promise<string> {
  const client = new DynamoDBClient({
    endpoint: process.env.DYNAMODB_ENDPOINT,
    region: 'ap-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  const { Items } = await client.send(new ScanCommand({ TableName: tableOf(EHR_TABLES.resources) }));
  return JSON.stringify(Items);
}

describe('identity card numbers at rest', () => {
  useEmbeddedStorage('ehr', storage);
  const ports = dynamoPorts();

  beforeAll(async () => {
    for (const resource of SEED_RESOURCES) await writeSeed(ports, resource);
  });

  it('are never stored in the clear, yet shown to those allowed and found by number', async () => {
    const text = await tableText();
    expect(text).toContain('Patient');
    expect(text).not.toContain('A123456');
    const p1 = await readResource(ports, drChan, 'Patient', 'p1');
    expect((p1.identifier as { system: string; value?: string }[]).find((i) => i.system === HKID_SYSTEM)?.value).toBe(P1_HKID);
    const found = await searchResources(ports, drChan, 'Patient', searchQuery.parse({ identifier: `${HKID_SYSTEM}|${P1_HKID}` }));
    expect(found.items.map((p) => p.id)).toEqual(['p1']);
    const bracketed = `${P1_HKID.slice(0, 7)}(${P1_HKID.slice(7)})`;
    const again = await searchResources(ports, drChan, 'Patient', searchQuery.parse({ identifier: `${HKID_SYSTEM}|${bracketed}` }));
    expect(again.items.map((p) => p.id)).toEqual(['p1']);
  });

  it('are matched by a keyed hash that another key does not reproduce, and sealed so only the key opens them', () => {
    const one = sealedIdentityNumbers(new Uint8Array(32).fill(1));
    const two = sealedIdentityNumbers(new Uint8Array(32).fill(2));
    expect(one.matchKey(P1_HKID)).toBe(one.matchKey(P1_HKID));
    expect(one.matchKey(P1_HKID)).not.toBe(two.matchKey(P1_HKID));
    const sealed = one.seal(P1_HKID);
    expect(sealed).not.toContain(P1_HKID);
    expect(one.open(sealed)).toBe(P1_HKID);
    expect(() => two.open(sealed)).toThrow();
  });
});
