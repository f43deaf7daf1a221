import { type Caller, officerDepartment } from '../../shared/identity';
import type { Officer, SupplierOfficer } from '../domain/caller';
import type { Supplier } from '../domain/supplier';
import type { Tender } from '../domain/tender';
import { noDepartment, noSuchTender, notSupplierOfficer } from '../errors';
import type { ProcurementPorts } from '../ports';

/** The buyer's view of a caller: an officer of one department. */
export function officerOf(caller: Caller): Officer {
  const department = officerDepartment(caller);
  if (!department || caller.kind !== 'staff') throw noDepartment();
  return { department, subject: caller.subject };
}

/** A supplier's officer: a citizen; the route has checked the `verified` level already. */
export function citizenOf(caller: Caller): SupplierOfficer {
  if (caller.kind !== 'citizen') throw notSupplierOfficer();
  return { subject: caller.subject };
}

/** The supplier the citizen acts for, or 403. */
export async function supplierOf(ports: ProcurementPorts, officer: SupplierOfficer): Promise<Supplier> {
  const supplier = await ports.suppliers.ofOfficer(officer.subject);
  if (!supplier) throw notSupplierOfficer();
  return supplier;
}

/** A tender of the officer's department, drafts included; another department's is not found. */
export async function ownTender(ports: ProcurementPorts, officer: Officer, id: string): Promise<Tender> {
  const tender = await ports.tenders.get(id);
  if (!tender || tender.department !== officer.department) throw noSuchTender(id);
  return tender;
}

/** A published tender, for anyone; a draft is not found. */
export async function publishedTender(ports: ProcurementPorts, id: string): Promise<Tender> {
  const tender = await ports.tenders.get(id);
  if (!tender || tender.state === 'draft') throw noSuchTender(id);
  return tender;
}

/** Short upper-case ids from the id source (UUIDs): `T-2026-1A2B3C4D`. */
export const shortId = (uuid: string, length: number) => uuid.replace(/-/g, '').slice(0, length).toUpperCase();
