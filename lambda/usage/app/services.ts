import { type Page, pageOut, resumeAfter } from '../../shared/sort-key-cursor';
import type { MeasuredService } from '../domain/measured-service';
import type { RegisterInput } from '../domain/schemas';
import { idTaken, noSuchService } from '../errors';
import type { UsagePorts } from '../ports';
import type { Officer } from './access';

/** POST /usage/v1/services: a department registers what it runs, to be measured from its launch. */
export async function registerService(ports: UsagePorts, officer: Officer, input: RegisterInput): Promise<MeasuredService> {
  const service: MeasuredService = {
    ...input,
    department: officer.department,
    registeredAt: ports.clock().toISOString(),
    registeredBy: officer.subject,
  };
  if (!(await ports.services.register(service))) throw idTaken(input.id);
  return service;
}

export async function getService(ports: UsagePorts, id: string): Promise<MeasuredService> {
  const service = await ports.services.get(id);
  if (!service) throw noSuchService(id);
  return service;
}

export async function listServices(ports: UsagePorts, query: { cursor?: string; limit: number }): Promise<Page<MeasuredService>> {
  return pageOut(await ports.services.list({ after: resumeAfter(query.cursor), limit: query.limit }));
}
