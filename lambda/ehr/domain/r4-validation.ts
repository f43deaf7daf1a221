import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import definitions from './r4-definitions.json';

/** One way a resource is not valid R4: where, and what. */
export interface R4Problem {
  readonly path: string;
  readonly message: string;
}

let indexed = false;

/**
 * What makes a resource invalid against the R4 StructureDefinitions (types, cardinality,
 * required elements, unknown elements, invariants), by Medplum's validator; empty when valid.
 */
export function r4Problems(resource: Record<string, unknown>): R4Problem[] {
  if (!indexed) {
    indexStructureDefinitionBundle(definitions as unknown as Bundle);
    indexed = true;
  }
  try {
    validateResource(resource as unknown as Resource);
    return [];
  } catch (err) {
    if (!(err instanceof OperationOutcomeError)) {
      // The validator could not follow the input at all: it is not a resource it can accept.
      return [{ path: String(resource.resourceType), message: err instanceof Error ? err.message : String(err) }];
    }
    return (err.outcome.issue ?? [])
      .filter((issue) => issue.severity === 'error' || issue.severity === 'fatal')
      .map((issue) => ({ path: issue.expression?.[0] ?? String(resource.resourceType), message: issue.details?.text ?? issue.code }));
  }
}
