import { type Page, pageOut, resumeAfter } from '../../shared/sort-key-cursor';
import type { Officer } from '../domain/caller';
import { classProblem, type FileClass, parentCodeOf } from '../domain/file-plan';
import type { CreateClassInput } from '../domain/schemas';
import { classExists, classInUse, noSuchClass, noSuchSchedule, unprocessable } from '../errors';
import type { RecordsPorts } from '../ports';
import { requireManager } from './access';

/** GET /records/v1/file-plan. */
export async function listClasses(
  ports: RecordsPorts,
  officer: Officer,
  query: { cursor?: string; limit: number },
): Promise<Page<FileClass>> {
  const after = resumeAfter(query.cursor);
  const page = await ports.filePlan.listClasses(officer.department, { after, limit: query.limit });
  return pageOut(page);
}

/** GET /records/v1/file-plan/{code}. */
export async function getClass(ports: RecordsPorts, officer: Officer, code: string): Promise<FileClass> {
  const found = await ports.filePlan.getClass(officer.department, code);
  if (!found) throw noSuchClass(code);
  return found;
}

/** POST /records/v1/file-plan: a records manager adds a class under an existing parent, naming an existing schedule. */
export async function createClass(ports: RecordsPorts, officer: Officer, input: CreateClassInput): Promise<FileClass> {
  requireManager(officer);
  const { department } = officer;
  const parentCode = parentCodeOf(input.code);
  const parent = parentCode ? await ports.filePlan.getClass(department, parentCode) : undefined;
  const problem = classProblem(input, parent);
  if (problem) throw unprocessable('invalid_class', problem);
  if (input.scheduleId && !(await ports.schedules.get(department, input.scheduleId))) {
    throw unprocessable('no_such_schedule', noSuchSchedule(input.scheduleId).message);
  }
  const fileClass: FileClass = {
    department,
    code: input.code,
    level: input.level,
    ...(parentCode ? { parentCode } : {}),
    title: input.title,
    ...(input.scheduleId ? { scheduleId: input.scheduleId } : {}),
    createdAt: ports.clock().toISOString(),
    createdBy: officer.subject,
  };
  if (!(await ports.filePlan.createClass(fileClass))) throw classExists(input.code);
  return fileClass;
}

/** DELETE /records/v1/file-plan/{code}: only a class that holds nothing. */
export async function deleteClass(ports: RecordsPorts, officer: Officer, code: string): Promise<void> {
  requireManager(officer);
  const outcome = await ports.filePlan.deleteClass(officer.department, code);
  if (outcome === 'missing') throw noSuchClass(code);
  if (outcome === 'in-use') {
    const held = (await ports.filePlan.holdings(officer.department, code)) ?? { records: 0, children: 0 };
    throw classInUse(code, held.records, held.children);
  }
}
