import type { AuditRecord } from './audit';

/** One entry of a known-exploited-vulnerabilities catalogue, with CISA's field names. */
export interface KevEntry {
  readonly cveID: string;
  readonly vendorProject: string;
  readonly product: string;
  readonly vulnerabilityName: string;
  /** `YYYY-MM-DD`. */
  readonly dateAdded: string;
  readonly shortDescription: string;
  readonly requiredAction: string;
  /** `YYYY-MM-DD`. */
  readonly dueDate: string;
  readonly knownRansomwareCampaignUse: 'Known' | 'Unknown';
  readonly notes: string;
  readonly cwes: readonly string[];
}

/** An entry as stored: when it was added, by whom. */
export interface StoredKevEntry extends KevEntry {
  readonly addedAt: string;
  readonly history: readonly AuditRecord[];
}

/** The catalogue document, in the shape of CISA's KEV JSON schema. */
export interface KevCatalogue {
  readonly title: string;
  readonly catalogVersion: string;
  readonly dateReleased: string;
  readonly count: number;
  readonly vulnerabilities: readonly KevEntry[];
}

export const KEV_TITLE = 'Government CERT Catalogue of Known Exploited Vulnerabilities';

/**
 * The catalogue of the given entries, newest first. Its version and release time are those of
 * the latest entry, so the document changes only when the catalogue does; an empty catalogue
 * is released at `emptyReleased`.
 */
export function buildKevCatalogue(entries: readonly StoredKevEntry[], emptyReleased: Date): KevCatalogue {
  const sorted = [...entries].sort((a, b) => (a.addedAt < b.addedAt ? 1 : a.addedAt > b.addedAt ? -1 : a.cveID.localeCompare(b.cveID)));
  const released = sorted.length ? new Date(sorted[0].addedAt) : emptyReleased;
  const iso = released.toISOString();
  return {
    title: KEV_TITLE,
    catalogVersion: `${iso.slice(0, 4)}.${iso.slice(5, 7)}.${iso.slice(8, 10)}`,
    dateReleased: iso,
    count: sorted.length,
    vulnerabilities: sorted.map(
      ({
        cveID,
        vendorProject,
        product,
        vulnerabilityName,
        dateAdded,
        shortDescription,
        requiredAction,
        dueDate,
        knownRansomwareCampaignUse,
        notes,
        cwes,
      }) => ({
        cveID,
        vendorProject,
        product,
        vulnerabilityName,
        dateAdded,
        shortDescription,
        requiredAction,
        dueDate,
        knownRansomwareCampaignUse,
        notes,
        cwes,
      }),
    ),
  };
}
