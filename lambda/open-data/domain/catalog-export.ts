import type { Group, Organization, StoredPackage } from './entities';
import { isPublic } from './entities';
import type { Trilingual } from './language';

/** What the DCAT exports describe: the published catalogue and who runs it. */
export interface CatalogExportInput {
  readonly site: {
    /** Base URL of the portal, such as `https://data.example.gov.hk/open-data`. */
    readonly url: string;
    readonly title: Trilingual;
    readonly description: Trilingual;
    readonly publisher: Trilingual;
    readonly email: string;
  };
  readonly packages: readonly StoredPackage[];
  organization(id: string): Organization | undefined;
  group(name: string): Group | undefined;
}

/** Only published datasets are exported, whatever the caller passes. */
export function exportedPackages(input: CatalogExportInput): StoredPackage[] {
  return input.packages.filter(isPublic).sort((a, b) => (a.name < b.name ? -1 : 1));
}

export function datasetPage(siteUrl: string, pkg: Pick<StoredPackage, 'name'>): string {
  return `${siteUrl.replace(/\/+$/, '')}/dataset/${pkg.name}`;
}

/** The latest change to any exported dataset, or the epoch for an empty catalogue. */
export function catalogModified(packages: readonly StoredPackage[]): string {
  return [new Date(0).toISOString(), ...packages.map((pkg) => pkg.metadata_modified)].sort().pop()!;
}
