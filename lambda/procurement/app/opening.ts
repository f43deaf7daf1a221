import { sha256Hex } from '../../shared/sealed-secret';
import type { Officer, RequestContext } from '../domain/caller';
import { openingRelease } from '../domain/ocds';
import { type OpenedBid, type Opening, type OpeningRequest, openingStep } from '../domain/opening';
import type { SubmitBidInput } from '../domain/schemas';
import { type Bid, bidContext, unseal } from '../domain/sealed-bid';
import { isClosed, type Tender } from '../domain/tender';
import { alreadyOpened, bidIntegrity, notClosedYet, notOpened, openingRefused, tenderChanged } from '../errors';
import { DecryptRefused, type ProcurementPorts } from '../ports';
import { ownTender } from './access';
import { audit, tenderSubject } from './audit';
import { publishRelease } from './releases';

export type OpeningResult =
  | { readonly state: 'sealed'; readonly tenderId: string; readonly closesAt: string }
  | ({ readonly state: 'awaiting-confirmation' } & OpeningRequest)
  | ({ readonly state: 'opened' } & Opening);

/** Decrypts one sealed bid and checks it against its receipt's hash. */
async function unsealBid(ports: ProcurementPorts, tender: Tender, bid: Bid): Promise<Buffer> {
  if (!bid.sealed || !tender.bidKey) throw bidIntegrity(bid.supplierId);
  const context = bidContext(tender.id, bid.supplierId);
  let dataKey: Uint8Array;
  try {
    dataKey = await ports.keys.decrypt(tender.bidKey, Buffer.from(bid.sealed.encryptedKey, 'base64'), context);
  } catch (err) {
    if (err instanceof DecryptRefused) throw notClosedYet(tender.id, tender.tenderPeriod.endDate);
    throw err;
  }
  let bytes: Buffer;
  try {
    bytes = unseal(bid.sealed, dataKey, context);
  } catch {
    throw bidIntegrity(bid.supplierId);
  }
  if (sha256Hex(bytes) !== bid.sha256) throw bidIntegrity(bid.supplierId);
  return bytes;
}

/**
 * POST /procurement/v1/tenders/{id}/opening: after closing, the first officer's call asks for the
 * opening; a different officer's call within the window confirms it, and only then are the bids
 * decrypted, checked against their receipts and the opening recorded.
 */
export async function openTender(ports: ProcurementPorts, officer: Officer, id: string, context: RequestContext): Promise<OpeningResult> {
  const tender = await ownTender(ports, officer, id);
  const now = ports.clock();
  if (tender.state === 'opened' || tender.state === 'awarded') throw alreadyOpened(id);
  if (tender.state !== 'active') throw notClosedYet(id, tender.tenderPeriod.endDate);
  if (!isClosed(tender, now)) throw notClosedYet(id, tender.tenderPeriod.endDate);
  const step = openingStep(officer.subject, await ports.openings.pending(id), now);
  if (step.kind === 'refused') throw openingRefused(step.code, step.message);
  if (step.kind === 'request') {
    const window = ports.settings.openingConfirmationMinutes * 60_000;
    const request: OpeningRequest = {
      tenderId: id,
      requestedBy: officer.subject,
      requestedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + window).toISOString(),
    };
    if (!(await ports.openings.request(request, now.toISOString())))
      throw openingRefused('opening_pending', 'Another officer asked for this opening a moment ago: confirm theirs instead.');
    await audit(ports, tenderSubject(id), 'opening.request', officer.subject, now, context, { expiresAt: request.expiresAt });
    return { state: 'awaiting-confirmation', ...request };
  }
  const submitted = (await ports.bids.ofTender(id)).filter((b) => b.state === 'submitted');
  const opened: OpenedBid[] = [];
  for (const bid of submitted) {
    await unsealBid(ports, tender, bid);
    opened.push({ supplierId: bid.supplierId, sha256: bid.sha256, receivedAt: bid.receivedAt, submission: bid.submission });
  }
  const opening: Opening = {
    tenderId: id,
    requestedBy: step.request.requestedBy,
    requestedAt: step.request.requestedAt,
    confirmedBy: officer.subject,
    openedAt: now.toISOString(),
    bids: opened,
  };
  if (!(await ports.openings.record(opening))) throw alreadyOpened(id);
  if (!(await ports.tenders.update({ ...tender, state: 'opened', version: tender.version + 1 }, tender.version))) throw tenderChanged(id);
  await publishRelease(ports, tender.ocid, (n) => openingRelease(tender, opening, n));
  await audit(ports, tenderSubject(id), 'opening.confirm', officer.subject, now, context, {
    requestedBy: opening.requestedBy,
    bids: opened.map((b) => ({ supplierId: b.supplierId, sha256: b.sha256 })),
  });
  return { state: 'opened', ...opening };
}

/** GET /procurement/v1/tenders/{id}/opening: the opening, the request awaiting confirmation, or that the bids are sealed. */
export async function getOpening(ports: ProcurementPorts, officer: Officer, id: string): Promise<OpeningResult> {
  const tender = await ownTender(ports, officer, id);
  const opening = await ports.openings.get(id);
  if (opening) return { state: 'opened', ...opening };
  const pending = await ports.openings.pending(id);
  if (pending && Date.parse(pending.expiresAt) > ports.clock().getTime()) return { state: 'awaiting-confirmation', ...pending };
  return { state: 'sealed', tenderId: id, closesAt: tender.tenderPeriod.endDate };
}

/** GET /procurement/v1/tenders/{id}/bids: the opened bids' contents, for the department, each decryption logged. */
export async function openedBids(
  ports: ProcurementPorts,
  officer: Officer,
  id: string,
  context: RequestContext,
): Promise<{ supplierId: string; sha256: string; receivedAt: string; content: SubmitBidInput }[]> {
  const tender = await ownTender(ports, officer, id);
  const opening = await ports.openings.get(id);
  if (!opening) throw notOpened(id);
  const now = ports.clock();
  const result = [];
  for (const entry of opening.bids) {
    const bid = await ports.bids.get(id, entry.supplierId);
    if (!bid || bid.sha256 !== entry.sha256) throw bidIntegrity(entry.supplierId);
    const bytes = await unsealBid(ports, tender, bid);
    result.push({
      supplierId: bid.supplierId,
      sha256: bid.sha256,
      receivedAt: bid.receivedAt,
      content: JSON.parse(bytes.toString('utf8')) as SubmitBidInput,
    });
  }
  await audit(ports, tenderSubject(id), 'bid.decrypt', officer.subject, now, context, { bids: result.length });
  return result;
}
