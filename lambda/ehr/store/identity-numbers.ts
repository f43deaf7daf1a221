import { createHmac, hkdfSync } from 'node:crypto';
import { aesGcmSecretBox } from '../../shared/sealed-secret';
import type { PageOf } from '../../shared/sort-key-cursor';
import { canonicalHkid, HKID_SYSTEM } from '../domain/hkid';
import type { IdentityNumbers, ResourceStore, StoredResource } from '../ports';

/**
 * Identity card numbers under one 32-byte key: sealed with AES-256-GCM for showing to those
 * allowed to see them, and matched by HMAC-SHA-256 of the number, each with a key derived from
 * it for that use alone (HKDF), so a match key reveals nothing of the sealed number.
 */
export function sealedIdentityNumbers(key: Uint8Array): IdentityNumbers {
  const derive = (use: string) => new Uint8Array(hkdfSync('sha256', key, new Uint8Array(0), `ehr identity number ${use}`, 32));
  const box = aesGcmSecretBox(derive('seal'));
  const matchKey = derive('match');
  return {
    seal: (value) => box.seal(value),
    open: (sealed) => box.open(sealed),
    matchKey: (canonical) => createHmac('sha256', matchKey).update(canonical).digest('hex'),
  };
}

/** The extension holding a sealed identity card number in the stored form of an identifier. */
export const SEALED_NUMBER_URL = 'https://www.ehealth.gov.hk/fhir/StructureDefinition/sealed-identifier-value';

type Json = Record<string, unknown>;
const identifiersOf = (r: Json) => (Array.isArray(r.identifier) ? (r.identifier as Json[]) : []);
const isHkid = (i: Json) => i?.system === HKID_SYSTEM && typeof i.value === 'string';

/**
 * The resource store with every identity card number sealed at rest: a Patient's HKID is stored
 * only sealed (in an extension, without its value) and indexed only by its keyed hash, and is
 * opened again on every read; a search by HKID looks for the hash.
 */
export function sealingIdentityNumbers(store: ResourceStore, numbers: IdentityNumbers): ResourceStore {
  const reveal = (r: StoredResource): StoredResource => {
    if (r.resourceType !== 'Patient') return r;
    const identifier = identifiersOf(r).map((i) => {
      const sealed = (i.extension as Json[] | undefined)?.find((e) => e.url === SEALED_NUMBER_URL);
      if (i.system !== HKID_SYSTEM || !sealed) return i;
      const { extension, ...rest } = i;
      const others = (extension as Json[]).filter((e) => e !== sealed);
      return { ...rest, ...(others.length ? { extension: others } : {}), value: numbers.open(String(sealed.valueString)) };
    });
    return { ...r, identifier };
  };
  const matchToken = (value: string) => `${HKID_SYSTEM}|${numbers.matchKey(canonicalHkid(value))}`;
  const page = async (p: Promise<PageOf<StoredResource>>) => {
    const { items, next } = await p;
    return { items: items.map(reveal), next };
  };
  return {
    current: async (type, id) => {
      const r = await store.current(type, id);
      return r && reveal(r);
    },
    version: async (type, id, versionId) => {
      const r = await store.version(type, id, versionId);
      return r && reveal(r);
    },
    history: async (type, id) => (await store.history(type, id)).map(reveal),
    search: (type, filter, request) => {
      const hkid = filter.identifier?.startsWith(`${HKID_SYSTEM}|`) ? filter.identifier.slice(HKID_SYSTEM.length + 1) : undefined;
      return page(store.search(type, hkid ? { ...filter, identifier: matchToken(hkid) } : filter, request));
    },
    write: (resource, previous, search) => {
      const hkids = resource.resourceType === 'Patient' ? identifiersOf(resource).filter(isHkid) : [];
      if (hkids.length === 0) return store.write(resource, previous, search);
      const given = hkids.map((i) => String(i.value));
      const identifier = identifiersOf(resource).map((i) => {
        if (!isHkid(i)) return i;
        const { value, ...rest } = i;
        const extension = [
          ...((i.extension as Json[] | undefined) ?? []),
          { url: SEALED_NUMBER_URL, valueString: numbers.seal(String(value)) },
        ];
        return { ...rest, extension };
      });
      const plain = new Set(given.flatMap((n) => [n, `${HKID_SYSTEM}|${n}`]));
      const identifiers = [...search.identifiers.filter((t) => !plain.has(t)), ...given.map(matchToken)];
      return store.write({ ...resource, identifier }, previous, { ...search, identifiers });
    },
  };
}
