import type { RequestContext, SupplierOfficer } from '../domain/caller';
import type { RegisterSupplierInput } from '../domain/schemas';
import { businessRegistrationNumber, type Supplier } from '../domain/supplier';
import { alreadyOfficer, invalidBrn, supplierExists } from '../errors';
import type { ProcurementPorts } from '../ports';
import { shortId, supplierOf } from './access';
import { audit, supplierSubject } from './audit';

/** POST /procurement/v1/suppliers: the citizen registers a supplier and becomes its first officer. */
export async function registerSupplier(
  ports: ProcurementPorts,
  officer: SupplierOfficer,
  input: RegisterSupplierInput,
  context: RequestContext,
): Promise<Supplier> {
  const brn = businessRegistrationNumber(input.businessRegistrationNumber);
  if (!brn) throw invalidBrn();
  const now = ports.clock();
  const supplier: Supplier = {
    id: `S-${shortId(ports.ids(), 10)}`,
    businessRegistrationNumber: brn,
    name: input.name,
    contact: input.contact,
    categories: input.categories,
    officers: [officer.subject],
    registeredAt: now.toISOString(),
  };
  const outcome = await ports.suppliers.register(supplier);
  if (outcome === 'brn-taken') throw supplierExists(brn);
  if (outcome === 'officer-taken') throw alreadyOfficer();
  await audit(ports, supplierSubject(supplier.id), 'supplier.register', officer.subject, now, context, { businessRegistrationNumber: brn });
  return supplier;
}

/** GET /procurement/v1/suppliers/me. */
export const mySupplier = (ports: ProcurementPorts, officer: SupplierOfficer) => supplierOf(ports, officer);
