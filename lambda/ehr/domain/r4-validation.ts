import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import definitions from './r4-definitions.json';
import requiredCodes from './r4-required-codes.json';

/** One way a resource is not valid R4: where, and what. */
export interface R4Problem {
  readonly path: string;
  readonly message: string;
}

let indexed = false;

type Json = Record<string, unknown>;

/** The values at a dotted path of a resource (`Encounter.statusHistory.status`), lists flattened. */
function valuesAt(resource: Json, path: string): unknown[] {
  let values: unknown[] = [resource];
  for (const step of path.split('.').slice(1)) {
    values = values.flatMap((v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? [(v as Json)[step]] : [])).flat();
    values = values.filter((v) => v !== undefined);
  }
  return values;
}

/** Codes outside the value sets R4 binds as required to the resource's code elements. */
function unboundCodes(resource: Json): R4Problem[] {
  const prefix = `${String(resource.resourceType)}.`;
  return Object.entries(requiredCodes as Record<string, string[]>)
    .filter(([path]) => path.startsWith(prefix))
    .flatMap(([path, codes]) =>
      valuesAt(resource, path)
        .filter((v) => typeof v === 'string' && !codes.includes(v))
        .map((v) => ({ path, message: `${String(v)} is not one of the codes R4 requires here: ${codes.join(', ')}` })),
    );
}

/**
 * What makes a resource invalid against the R4 StructureDefinitions (types, cardinality,
 * required elements, unknown elements, invariants), by Medplum's validator, and codes outside the
 * value sets R4 binds as required to the resource's own code elements; empty when valid.
 */
export function r4Problems(resource: Record<string, unknown>): R4Problem[] {
  if (!indexed) {
    indexStructureDefinitionBundle(definitions as unknown as Bundle);
    indexed = true;
  }
  try {
    validateResource(resource as unknown as Resource);
    return unboundCodes(resource);
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
