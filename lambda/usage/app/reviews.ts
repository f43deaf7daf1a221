import type { Caller } from '../../shared/identity';
import { hongKongDay } from '../domain/days';
import type { MeasuredService } from '../domain/measured-service';
import { type Review, type ReviewState, reviewDueDate, reviewState } from '../domain/review';
import type { ReviewInput } from '../domain/schemas';
import { filedAlready, notOwner } from '../errors';
import type { ReviewRecord, UsagePorts } from '../ports';
import { assertReviewReader, type Officer } from './access';
import { getService } from './services';

function reviewOf(service: MeasuredService, record: ReviewRecord, today: string): Review {
  const dueDate = reviewDueDate(service.launchDate);
  return {
    service: service.id,
    department: service.department,
    launchDate: service.launchDate,
    dueDate,
    state: reviewState(dueDate, today, record.filed !== undefined),
    ...(record.filed ? { filed: record.filed } : {}),
    advice: record.advice,
  };
}

const today = (ports: UsagePorts) => hongKongDay(ports.clock());

export async function getReview(ports: UsagePorts, caller: Caller, id: string): Promise<Review> {
  const service = await getService(ports, id);
  assertReviewReader(caller, service);
  return reviewOf(service, await ports.reviews.get(id), today(ports));
}

/** Every service's review, for the platform admins, optionally only those in one state (overdue). */
export async function listReviews(ports: UsagePorts, state?: ReviewState): Promise<Review[]> {
  const services = await ports.services.all();
  const records = await Promise.all(services.map((s) => ports.reviews.get(s.id)));
  const reviews = services.map((s, i) => reviewOf(s, records[i] as ReviewRecord, today(ports)));
  return state ? reviews.filter((r) => r.state === state) : reviews;
}

/** PUT /usage/v1/services/{id}/review: the department's return, filed once. */
export async function fileReview(ports: UsagePorts, officer: Officer, id: string, input: ReviewInput): Promise<Review> {
  const service = await getService(ports, id);
  if (service.department !== officer.department) throw notOwner(id);
  const filed = { ...input, filedAt: ports.clock().toISOString(), filedBy: officer.subject };
  if (!(await ports.reviews.file(id, filed))) throw filedAlready(id);
  return reviewOf(service, await ports.reviews.get(id), today(ports));
}

/** POST /usage/v1/services/{id}/review/advice: the platform's advice, appended. */
export async function adviseReview(ports: UsagePorts, admin: { subject: string }, id: string, text: string): Promise<Review> {
  const service = await getService(ports, id);
  await ports.reviews.advise(id, { text, at: ports.clock().toISOString(), by: admin.subject });
  return reviewOf(service, await ports.reviews.get(id), today(ports));
}
