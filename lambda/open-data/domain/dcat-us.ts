import { type CatalogExportInput, datasetPage, exportedPackages } from './catalog-export';
import type { StoredResource } from './entities';
import { LANGUAGE_TAGS } from './language';
import { findLicense } from './licenses';

/**
 * DCAT-US 1.1 (Project Open Data metadata schema), the `data.json` harvesters such as data.gov
 * read. Federal-only fields (bureauCode, programCode) do not apply to this government and are
 * left out; everything else required is given.
 */
export const DCAT_US_CONFORMS_TO = 'https://project-open-data.cio.gov/v1.1/schema';

const MEDIA_TYPE = /^[-\w]+\/[-\w]+(\.[-\w]+)*([+][-\w]+)?$/;

function distribution(resource: StoredResource) {
  const mediaType = resource.mimetype && MEDIA_TYPE.test(resource.mimetype) ? resource.mimetype : undefined;
  return {
    '@type': 'dcat:Distribution' as const,
    // downloadURL obliges a mediaType; without one, the file is reached through accessURL.
    ...(mediaType ? { downloadURL: resource.url, mediaType } : { accessURL: resource.url }),
    ...(resource.format ? { format: resource.format } : {}),
    ...(resource.name.en ? { title: resource.name.en } : {}),
    ...(resource.description.en ? { description: resource.description.en } : {}),
  };
}

export function dataJson(input: CatalogExportInput) {
  const site = input.site.url.replace(/\/+$/, '');
  return {
    '@context': 'https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld',
    '@id': `${site}/data.json`,
    '@type': 'dcat:Catalog' as const,
    conformsTo: DCAT_US_CONFORMS_TO,
    describedBy: 'https://project-open-data.cio.gov/v1.1/schema/catalog.json',
    dataset: exportedPackages(input).map((pkg) => {
      const org = input.organization(pkg.owner_org);
      const publisherName = org?.title.en || input.site.publisher.en;
      const keywords = pkg.tags.length > 0 ? pkg.tags : [org?.name ?? 'open-data'];
      const themes = pkg.groups.map((name) => input.group(name)?.title.en || name);
      const license = findLicense(pkg.license_id);
      return {
        '@type': 'dcat:Dataset' as const,
        identifier: pkg.id,
        title: pkg.title.en,
        description: pkg.notes.en.trim() || pkg.title.en,
        keyword: keywords,
        modified: pkg.metadata_modified,
        issued: pkg.metadata_created,
        publisher: { '@type': 'org:Organization' as const, name: publisherName },
        contactPoint: { '@type': 'vcard:Contact' as const, fn: publisherName, hasEmail: `mailto:${org?.email ?? input.site.email}` },
        accessLevel: 'public' as const,
        ...(license ? { license: license.url } : {}),
        landingPage: datasetPage(site, pkg),
        language: Object.values(LANGUAGE_TAGS),
        spatial: 'Hong Kong',
        ...(themes.length > 0 ? { theme: themes } : {}),
        distribution: pkg.resources.map(distribution),
      };
    }),
  };
}
