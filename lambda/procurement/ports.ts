import type { IdempotencyStore } from '../shared/idempotency';
import type { PageOf, PageRequest } from '../shared/sort-key-cursor';
import type { AuditEvent } from './domain/audit';
import type { Clarification } from './domain/clarification';
import type { Release } from './domain/ocds';
import type { Opening, OpeningRequest } from './domain/opening';
import type { Bid } from './domain/sealed-bid';
import type { ProcurementSettings } from './domain/settings';
import type { Supplier } from './domain/supplier';
import type { Tender } from './domain/tender';

export type { PageOf, PageRequest };

export interface SupplierStore {
  get(id: string): Promise<Supplier | undefined>;
  /** The supplier the citizen is an officer of. */
  ofOfficer(subject: string): Promise<Supplier | undefined>;
  /** Stores a new supplier with its number's and officer's claims; 'brn-taken' or 'officer-taken' when either is someone else's. */
  register(supplier: Supplier): Promise<'registered' | 'brn-taken' | 'officer-taken'>;
}

export interface TenderStore {
  get(id: string): Promise<Tender | undefined>;
  /** false if the id is taken. */
  create(tender: Tender): Promise<boolean>;
  /** Stores `next` if the stored tender is still at `expectedVersion`. */
  update(next: Tender, expectedVersion: number): Promise<boolean>;
  /** Published tenders, newest publication first. */
  listPublished(page: PageRequest): Promise<PageOf<Tender>>;
}

export interface ClarificationStore {
  get(tenderId: string, id: string): Promise<Clarification | undefined>;
  create(clarification: Clarification): Promise<boolean>;
  /** Stores the answer if the question has none yet. */
  answer(clarification: Clarification): Promise<boolean>;
  list(tenderId: string, page: PageRequest): Promise<PageOf<Clarification>>;
}

export interface BidStore {
  get(tenderId: string, supplierId: string): Promise<Bid | undefined>;
  /** Stores the bid if the stored one is still at `expectedVersion` (0: there is none). */
  put(bid: Bid, expectedVersion: number): Promise<boolean>;
  /** Every bid of a tender, submitted or withdrawn. */
  ofTender(tenderId: string): Promise<readonly Bid[]>;
}

export interface OpeningStore {
  pending(tenderId: string): Promise<OpeningRequest | undefined>;
  /** Stores a request if none is pending or the pending one has lapsed by `at`. */
  request(request: OpeningRequest, at: string): Promise<boolean>;
  /** Stores the opening once, and removes the request. */
  record(opening: Opening): Promise<boolean>;
  get(tenderId: string): Promise<Opening | undefined>;
}

export interface ReleaseStore {
  /** Appends a release; false if its id is taken (another writer numbered it first). */
  append(release: Release, sequence: number): Promise<boolean>;
  /** Every release of an ocid, in sequence order. */
  ofOcid(ocid: string): Promise<readonly Release[]>;
  /** Releases of every ocid by date, oldest first, from `since`. */
  byDate(query: PageRequest & { readonly since?: string }): Promise<PageOf<Release>>;
}

export interface AuditLog {
  /** Appends an event; an event is never overwritten. */
  append(event: AuditEvent): Promise<void>;
  list(subject: string, page: PageRequest): Promise<PageOf<AuditEvent>>;
}

/** A data key as KMS's GenerateDataKey gives it: in the clear, and encrypted under the tender's key. */
export interface DataKey {
  readonly plaintext: Uint8Array;
  readonly encrypted: Uint8Array;
}

/**
 * The keys that seal bids, one per tender. In AWS, a KMS key whose policy denies kms:Decrypt
 * before the closing time; in local mode, a key provider that applies the same rule itself.
 */
export interface BidKeys {
  /** Makes the tender's key, refusing decryption before `closesAt`; its reference is kept on the tender. */
  create(tenderId: string, closesAt: string): Promise<string>;
  /** Moves the instant before which decryption is refused: only ever later. */
  extend(keyRef: string, tenderId: string, closesAt: string): Promise<void>;
  generateDataKey(keyRef: string, context: Record<string, string>): Promise<DataKey>;
  /** The data key back; throws `DecryptRefused` before the closing time. */
  decrypt(keyRef: string, encrypted: Uint8Array, context: Record<string, string>): Promise<Uint8Array>;
}

/** The key refused to decrypt: the closing time has not come (or the context is not the bid's). */
export class DecryptRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecryptRefused';
  }
}

/** What the procurement service's use cases need from outside. */
export interface ProcurementPorts {
  readonly suppliers: SupplierStore;
  readonly tenders: TenderStore;
  readonly clarifications: ClarificationStore;
  readonly bids: BidStore;
  readonly openings: OpeningStore;
  readonly releases: ReleaseStore;
  readonly audit: AuditLog;
  readonly keys: BidKeys;
  /** Idempotency-Key claims of drafts, by department and key. */
  readonly draftClaims: IdempotencyStore;
  readonly settings: ProcurementSettings;
  readonly clock: () => Date;
  readonly ids: () => string;
}
