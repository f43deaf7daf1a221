import { sha256Hex } from '../../shared/sealed-secret';
import type { RequestContext, SupplierOfficer } from '../domain/caller';
import type { SubmitBidInput } from '../domain/schemas';
import { type Bid, bidContext, canonicalBytes, seal } from '../domain/sealed-bid';
import { isClosed, type Tender } from '../domain/tender';
import { bidChanged, bidWithdrawn, noSuchBid, notOpenForBids, tenderClosed } from '../errors';
import type { ProcurementPorts } from '../ports';
import { publishedTender, supplierOf } from './access';
import { audit, tenderSubject } from './audit';

/** What a supplier is given back: the receipt, never the content. */
export type Receipt = Pick<Bid, 'tenderId' | 'supplierId' | 'state' | 'submission' | 'sha256' | 'size' | 'receivedAt'>;

export const receiptOf = (bid: Bid): Receipt => ({
  tenderId: bid.tenderId,
  supplierId: bid.supplierId,
  state: bid.state,
  submission: bid.submission,
  sha256: bid.sha256,
  size: bid.size,
  receivedAt: bid.receivedAt,
});

/**
 * Refuses a request received at or after the closing time. The time is read once, when the
 * request is received, before anything else is done: work that takes longer never makes a bid
 * received in time late, and a request received late is never stored, whenever its client began.
 */
function receivedInTime(tender: Tender, receivedAt: Date): void {
  if (tender.state !== 'active' || !tender.bidKey) throw notOpenForBids(tender.id);
  if (isClosed(tender, receivedAt)) throw tenderClosed(tender.id, tender.tenderPeriod.endDate, receivedAt.toISOString());
}

/** PUT /procurement/v1/tenders/{id}/bid: submits (or resubmits, replacing) the supplier's sealed bid. */
export async function submitBid(
  ports: ProcurementPorts,
  officer: SupplierOfficer,
  id: string,
  input: SubmitBidInput,
  context: RequestContext,
): Promise<{ receipt: Receipt; created: boolean }> {
  const receivedAt = ports.clock();
  const tender = await publishedTender(ports, id);
  receivedInTime(tender, receivedAt);
  const supplier = await supplierOf(ports, officer);
  const before = await ports.bids.get(id, supplier.id);
  const bytes = canonicalBytes(input);
  const bidCtx = bidContext(id, supplier.id);
  const sealed = seal(bytes, await ports.keys.generateDataKey(tender.bidKey as string, bidCtx), bidCtx);
  const bid: Bid = {
    tenderId: id,
    supplierId: supplier.id,
    state: 'submitted',
    submission: (before?.submission ?? 0) + 1,
    sha256: sha256Hex(bytes),
    size: bytes.length,
    receivedAt: receivedAt.toISOString(),
    submittedBy: officer.subject,
    sealed,
    version: (before?.version ?? 0) + 1,
  };
  if (!(await ports.bids.put(bid, before?.version ?? 0))) throw bidChanged();
  await audit(ports, tenderSubject(id), 'bid.submit', officer.subject, receivedAt, context, {
    supplierId: supplier.id,
    submission: bid.submission,
    sha256: bid.sha256,
  });
  return { receipt: receiptOf(bid), created: before === undefined };
}

/** DELETE /procurement/v1/tenders/{id}/bid: withdraws the bid before closing; its sealed content is deleted. */
export async function withdrawBid(
  ports: ProcurementPorts,
  officer: SupplierOfficer,
  id: string,
  context: RequestContext,
): Promise<Receipt> {
  const receivedAt = ports.clock();
  const tender = await publishedTender(ports, id);
  receivedInTime(tender, receivedAt);
  const supplier = await supplierOf(ports, officer);
  const before = await ports.bids.get(id, supplier.id);
  if (!before) throw noSuchBid(id);
  if (before.state === 'withdrawn') throw bidWithdrawn(id);
  const { sealed: _sealed, ...rest } = before;
  const withdrawn: Bid = {
    ...rest,
    state: 'withdrawn',
    receivedAt: receivedAt.toISOString(),
    submittedBy: officer.subject,
    version: before.version + 1,
  };
  if (!(await ports.bids.put(withdrawn, before.version))) throw bidChanged();
  await audit(ports, tenderSubject(id), 'bid.withdraw', officer.subject, receivedAt, context, {
    supplierId: supplier.id,
    submission: before.submission,
  });
  return receiptOf(withdrawn);
}

/** GET /procurement/v1/tenders/{id}/bid: the supplier's receipt for its bid. */
export async function myBid(ports: ProcurementPorts, officer: SupplierOfficer, id: string): Promise<Receipt> {
  await publishedTender(ports, id);
  const supplier = await supplierOf(ports, officer);
  const bid = await ports.bids.get(id, supplier.id);
  if (!bid) throw noSuchBid(id);
  return receiptOf(bid);
}
