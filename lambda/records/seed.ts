import { OFFICER_ROLE } from '../shared/identity';
import type { SeedLocal } from '../shared/seed';
import { createClass } from './app/file-plan';
import { createSchedule } from './app/schedules';
import { recordsPorts } from './compose';
import { type Officer, RECORDS_MANAGER_ROLE, SENIOR_OFFICER_ROLE } from './domain/caller';
import type { CreateClassInput, CreateScheduleInput } from './domain/schemas';
import type { RecordsPorts } from './ports';

/** Schedules every demo department starts with, after the General Administrative Records Disposal Schedules. */
export const SEED_SCHEDULES: readonly CreateScheduleInput[] = [
  {
    id: 'GRDS-ADM-1',
    title: 'General administrative files: keep 7 years after the file is closed, then destroy',
    trigger: 'file-closed',
    retention: { years: 7, months: 0 },
    action: 'destroy',
  },
  {
    id: 'GRDS-ADM-2',
    title: 'Policy files of archival value: keep 30 years after the last action, then transfer to the Government Records Service',
    trigger: 'last-action',
    retention: { years: 30, months: 0 },
    action: 'transfer',
  },
  {
    id: 'GRDS-CON-1',
    title: 'Contracts: keep 7 years after the contract ends, then destroy',
    trigger: 'date',
    retention: { years: 7, months: 0 },
    action: 'destroy',
  },
];

/** A file plan of three levels; the function and activity classes hold no records themselves. */
export const SEED_CLASSES: readonly CreateClassInput[] = [
  { code: 'ADM', level: 'function', title: { en: 'Administration', zh: '行政' } },
  { code: 'ADM-01', level: 'activity', title: { en: 'Office accommodation', zh: '辦公地方' } },
  { code: 'ADM-01-001', level: 'transaction', title: { en: 'Lease and fitting-out', zh: '租約及裝修' }, scheduleId: 'GRDS-ADM-1' },
  { code: 'ADM-02', level: 'activity', title: { en: 'Procurement', zh: '採購' } },
  { code: 'ADM-02-001', level: 'transaction', title: { en: 'Service contracts', zh: '服務合約' }, scheduleId: 'GRDS-CON-1' },
  { code: 'POL', level: 'function', title: { en: 'Policy', zh: '政策' } },
  { code: 'POL-01', level: 'activity', title: { en: 'Policy formulation', zh: '制訂政策' } },
  { code: 'POL-01-001', level: 'transaction', title: { en: 'Consultations', zh: '諮詢' }, scheduleId: 'GRDS-ADM-2' },
];

/** The seed's records manager of a department. */
export const seedManager = (department: string): Officer => ({
  department,
  subject: `records-manager-${department.toLowerCase()}`,
  roles: [OFFICER_ROLE, RECORDS_MANAGER_ROLE],
});

/** Gives a department the demo schedules and file plan; does nothing if it has schedules already. */
export async function seedDepartment(ports: RecordsPorts, department: string): Promise<boolean> {
  if ((await ports.schedules.list(department, { limit: 1 })).items.length > 0) return false;
  const manager = seedManager(department);
  for (const schedule of SEED_SCHEDULES) await createSchedule(ports, manager, schedule);
  for (const fileClass of SEED_CLASSES) await createClass(ports, manager, fileClass);
  return true;
}

/** Local mode's seeding: each demo department's schedules and file plan, and the tokens of its records roles. */
export const seedLocal: SeedLocal = async (context) => {
  const ports = await recordsPorts();
  const seeded: string[] = [];
  for (const department of context.departments) if (await seedDepartment(ports, department)) seeded.push(department);
  const notes = seeded.length > 0 ? [`records: seeded the file plan and disposal schedules of ${seeded.join(', ')}.`] : [];
  const credentials: Record<string, string> = {};
  for (const department of context.departments) {
    const manager = seedManager(department);
    const senior = `senior-officer-${department.toLowerCase()}`;
    const tokens = {
      [`RECORDS_MANAGER_TOKEN_${department}`]: await context.staffToken?.(manager.subject, department, manager.roles),
      [`SENIOR_OFFICER_TOKEN_${department}`]: await context.staffToken?.(senior, department, [OFFICER_ROLE, SENIOR_OFFICER_ROLE]),
    };
    for (const [name, token] of Object.entries(tokens)) {
      if (!token) continue;
      credentials[name] = token;
      notes.push(`records: ${name.startsWith('RECORDS') ? 'records manager' : 'senior officer '} ${department.padEnd(6)} ${token}`);
    }
  }
  return { notes, credentials };
};
