import { type Page, pageOut, resumeAfter } from '../../shared/sort-key-cursor';
import type { Officer } from '../domain/caller';
import type { DataService } from '../domain/dataset';
import type { PublishInput } from '../domain/schemas';
import { noSuchService, tableTaken } from '../errors';
import type { ExchangePorts } from '../ports';

const shortId = (uuid: string) => uuid.replace(/-/g, '').slice(0, 10).toUpperCase();

/** POST /exchange/v1/services: a department publishes a dataset of its lake in the registry. */
export async function publishService(ports: ExchangePorts, officer: Officer, input: PublishInput): Promise<DataService> {
  const service: DataService = {
    ...input,
    id: `DS-${shortId(ports.ids())}`,
    owner: officer.department,
    publishedAt: ports.clock().toISOString(),
    publishedBy: officer.subject,
  };
  if (!(await ports.services.publish(service))) throw tableTaken(input.table);
  return service;
}

export async function getService(ports: ExchangePorts, id: string): Promise<DataService> {
  const service = await ports.services.get(id);
  if (!service) throw noSuchService(id);
  return service;
}

export async function listServices(ports: ExchangePorts, query: { cursor?: string; limit: number }): Promise<Page<DataService>> {
  return pageOut(await ports.services.list({ after: resumeAfter(query.cursor), limit: query.limit }));
}
