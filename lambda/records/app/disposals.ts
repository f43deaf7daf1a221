import { type Page, pageOut, resumeAfter } from '../../shared/sort-key-cursor';
import { type Officer, RECORDS_MANAGER_ROLE, type RequestContext, SENIOR_OFFICER_ROLE } from '../domain/caller';
import { approve, certificateOf, type DisposalCertificate } from '../domain/disposal';
import { recordEvent } from '../domain/events';
import type { RecordItem } from '../domain/record';
import { disposalRefused, noCertificate, noSuchSchedule, notRecordsManager, recordChanged, refused, unprocessable } from '../errors';
import type { RecordsPorts } from '../ports';
import { recordOf, requireManager } from './access';
import { saveRecord } from './schedules';

/** GET /records/v1/disposals (records managers): kept records due for disposal now, not disposed of. */
export async function listDue(ports: RecordsPorts, officer: Officer, query: { cursor?: string; limit: number }): Promise<Page<RecordItem>> {
  requireManager(officer);
  const after = resumeAfter(query.cursor);
  const page = await ports.records.listDue(officer.department, ports.clock().toISOString(), { after, limit: query.limit });
  return pageOut(page);
}

/**
 * POST /records/v1/records/{id}/disposal/approvals: the records manager's approval, then a senior
 * officer's (another person), which carries out the schedule's action and leaves the certificate.
 * A hold placed between the two, or anything else that changed the record, refuses the second.
 */
export async function approveDisposal(ports: RecordsPorts, officer: Officer, id: string, context: RequestContext): Promise<RecordItem> {
  if (!officer.roles.includes(RECORDS_MANAGER_ROLE) && !officer.roles.includes(SENIOR_OFFICER_ROLE)) {
    throw refused(`Only a records manager or a senior officer of ${officer.department} may approve a disposal.`);
  }
  const record = await recordOf(ports, officer, id);
  const schedule = await ports.schedules.get(record.department, record.scheduleId);
  if (!schedule) throw unprocessable('no_such_schedule', noSuchSchedule(record.scheduleId).message);
  const now = ports.clock();
  const outcome = approve(record, officer, record.disposal?.action ?? schedule.action, now);
  if ('code' in outcome) {
    if (outcome.code === 'wrong_role' && !record.disposal) throw notRecordsManager(officer.department);
    throw disposalRefused(outcome.code, outcome.message);
  }
  const { disposal, done } = outcome;
  const version = record.version + 1;
  const approved = recordEvent(id, 'disposal-approved', officer, context, now, version, {
    action: disposal.action,
    approval: disposal.approvals.length,
  });
  if (!done) {
    const next = { ...record, disposal };
    if (!(await saveRecord(ports, record, next, [approved]))) throw recordChanged(id);
    return { ...next, version };
  }
  // The record is marked first, by a write that fails if anything (a hold) changed it since it was read.
  const next: RecordItem = { ...record, disposal, state: disposal.action === 'destroy' ? 'destroyed' : 'transferred' };
  const disposed = recordEvent(id, 'disposed', officer, context, now, version, { action: disposal.action, certificate: id }, 1);
  if (!(await saveRecord(ports, record, next, [approved, disposed]))) throw recordChanged(id);
  if (disposal.action === 'destroy') await ports.content.destroy(record.content.objectKey, record.content.versionId);
  await ports.records.putCertificate(certificateOf(record, schedule.version, { ...disposal, disposedAt: now.toISOString() }));
  return { ...next, version };
}

/** GET /records/v1/records/{id}/disposal-certificate. */
export async function getCertificate(ports: RecordsPorts, officer: Officer, id: string): Promise<DisposalCertificate> {
  await recordOf(ports, officer, id);
  const certificate = await ports.records.getCertificate(id);
  if (!certificate) throw noCertificate(id);
  return certificate;
}
