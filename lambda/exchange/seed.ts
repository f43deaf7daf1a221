import { OFFICER_ROLE } from '../shared/identity';
import type { SeedLocal } from '../shared/seed';
import { decide, requestAccess } from './app/requests';
import { publishService } from './app/services';
import { exchangePorts } from './compose';
import type { Row } from './domain/dataset';
import { putLocalRows } from './store/local-rows';

const DAY = 86_400_000;
const officer = (department: string, n: number) => ({ department, subject: `exchange-officer-${n}-${department.toLowerCase()}` });

const INSPECTIONS: Row[] = Array.from({ length: 40 }, (_, i) => ({
  premises_id: `P-${String(1000 + i)}`,
  district: ['Central and Western', 'Wan Chai', 'Kowloon City', 'Sha Tin'][i % 4],
  inspected_on: `2026-${String((i % 9) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
  score: 60 + ((i * 7) % 40),
  passed: (i * 7) % 40 >= 10,
}));

/** Local mode's seed: a dataset of the first department shared with the second, approved; tokens of an officer of each. */
export const seedLocal: SeedLocal = async (context) => {
  const [owner, receiver] = context.departments;
  if (!owner || !receiver) return { notes: ['exchange: two departments are needed to seed an exchange.'] };
  const ports = await exchangePorts();
  const service = await publishService(ports, officer(owner, 1), {
    table: 'premises_inspections',
    title: 'Inspections of licensed premises',
    purpose: 'Planning of inspections and of licensing; not for enforcement against individuals.',
    classification: 'UNCLASSIFIED',
    columns: [
      { name: 'premises_id', type: 'string' },
      { name: 'district', type: 'string' },
      { name: 'inspected_on', type: 'date' },
      { name: 'score', type: 'integer' },
      { name: 'passed', type: 'boolean' },
    ],
  }).catch(() => undefined);
  const notes: string[] = [];
  const credentials: Record<string, string> = {};
  if (service) {
    await putLocalRows(service.id, INSPECTIONS);
    const now = ports.clock().getTime();
    const request = await requestAccess(ports, officer(receiver, 1), service.id, {
      purpose: 'District planning of transport to inspected premises',
      from: new Date(now - DAY).toISOString(),
      until: new Date(now + 90 * DAY).toISOString(),
      columns: ['district', 'inspected_on', 'score'],
    });
    await decide(ports, officer(owner, 2), request.id, { decision: 'approve' });
    credentials.EXCHANGE_SERVICE_ID = service.id;
    credentials.EXCHANGE_GRANT_ID = request.id;
    notes.push(`exchange: ${owner} shares ${service.id} with ${receiver} under grant ${request.id}.`);
  }
  const tokens: Record<string, string | undefined> = {
    [`EXCHANGE_OFFICER_TOKEN_${owner}`]: await context.staffToken?.(officer(owner, 2).subject, owner, [OFFICER_ROLE]),
    [`EXCHANGE_OFFICER_TOKEN_${receiver}`]: await context.staffToken?.(officer(receiver, 1).subject, receiver, [OFFICER_ROLE]),
  };
  for (const [name, token] of Object.entries(tokens)) {
    if (!token) continue;
    credentials[name] = token;
    notes.push(`exchange: ${name} ${token}`);
  }
  return { notes, credentials };
};
