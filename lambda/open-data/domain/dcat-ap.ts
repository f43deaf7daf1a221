import { type CatalogExportInput, catalogModified, datasetPage, exportedPackages } from './catalog-export';
import type { StoredPackage, StoredResource } from './entities';
import { LANGUAGE_TAGS, LANGUAGES, type Trilingual } from './language';
import { findLicense } from './licenses';

/**
 * DCAT-AP 3.0 as JSON-LD (`catalog.jsonld`): the catalogue, each published dataset and its
 * distributions, with titles and descriptions in all three languages.
 */
export const DCAT_AP_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  spdx: 'http://spdx.org/rdf/terms#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
} as const;

const EU_LANGUAGE = 'http://publications.europa.eu/resource/authority/language/';
const EU_FILE_TYPE = 'http://publications.europa.eu/resource/authority/file-type/';
const IANA_MEDIA_TYPE = 'https://www.iana.org/assignments/media-types/';
const FILE_TYPES = new Set(['CSV', 'JSON', 'XML', 'XLSX', 'XLS', 'PDF', 'ZIP', 'TXT', 'GEOJSON']);

/** A trilingual text as JSON-LD language-tagged literals, empty versions left out. */
export function literals(text: Trilingual): Array<{ '@value': string; '@language': string }> {
  return LANGUAGES.filter((lang) => (text[lang] ?? '').trim() !== '').map((lang) => ({
    '@value': text[lang]!,
    '@language': LANGUAGE_TAGS[lang],
  }));
}

function dateTime(iso: string) {
  return { '@value': iso, '@type': 'xsd:dateTime' };
}

function distribution(resource: StoredResource, pkg: StoredPackage, site: string) {
  const license = findLicense(pkg.license_id);
  const format = resource.format.toUpperCase();
  return {
    '@id': `${datasetPage(site, pkg)}/resource/${resource.id}`,
    '@type': 'dcat:Distribution',
    'dcat:accessURL': { '@id': resource.url },
    ...(resource.url_type === 'upload' ? { 'dcat:downloadURL': { '@id': resource.url } } : {}),
    ...(literals(resource.name).length > 0 ? { 'dct:title': literals(resource.name) } : {}),
    ...(literals(resource.description).length > 0 ? { 'dct:description': literals(resource.description) } : {}),
    ...(FILE_TYPES.has(format) ? { 'dct:format': { '@id': `${EU_FILE_TYPE}${format}` } } : {}),
    ...(resource.mimetype ? { 'dcat:mediaType': { '@id': `${IANA_MEDIA_TYPE}${resource.mimetype}` } } : {}),
    ...(resource.size !== null ? { 'dcat:byteSize': { '@value': String(resource.size), '@type': 'xsd:nonNegativeInteger' } } : {}),
    ...(resource.url_type === 'upload' && /^[0-9a-f]{64}$/.test(resource.hash)
      ? {
          'spdx:checksum': {
            '@type': 'spdx:Checksum',
            'spdx:algorithm': { '@id': 'http://spdx.org/rdf/terms#checksumAlgorithm_sha256' },
            'spdx:checksumValue': { '@value': resource.hash, '@type': 'xsd:hexBinary' },
          },
        }
      : {}),
    ...(license ? { 'dct:license': { '@id': license.url } } : {}),
    ...(resource.last_modified ? { 'dct:modified': dateTime(resource.last_modified) } : {}),
  };
}

export function catalogJsonLd(input: CatalogExportInput) {
  const site = input.site.url.replace(/\/+$/, '');
  const packages = exportedPackages(input);
  const agent = (id: string, name: Trilingual) => ({ '@id': id, '@type': 'foaf:Agent', 'foaf:name': literals(name) });
  return {
    '@context': DCAT_AP_CONTEXT,
    '@id': `${site}/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': literals(input.site.title),
    'dct:description': literals(input.site.description),
    'dct:publisher': agent(`${site}#publisher`, input.site.publisher),
    'foaf:homepage': { '@id': site },
    'dct:language': [{ '@id': `${EU_LANGUAGE}ENG` }, { '@id': `${EU_LANGUAGE}ZHO` }],
    'dct:modified': dateTime(catalogModified(packages)),
    'dcat:dataset': packages.map((pkg) => {
      const org = input.organization(pkg.owner_org);
      const page = datasetPage(site, pkg);
      return {
        '@id': page,
        '@type': 'dcat:Dataset',
        'dct:identifier': pkg.id,
        'dct:title': literals(pkg.title),
        'dct:description': literals(pkg.notes.en.trim() ? pkg.notes : pkg.title),
        ...(pkg.tags.length > 0 ? { 'dcat:keyword': pkg.tags.map((tag) => ({ '@value': tag })) } : {}),
        ...(org ? { 'dct:publisher': agent(`${site}/organization/${org.name}`, org.title) } : {}),
        ...(org
          ? {
              'dcat:contactPoint': {
                '@type': 'vcard:Organization',
                'vcard:fn': org.title.en,
                'vcard:hasEmail': { '@id': `mailto:${org.email}` },
              },
            }
          : {}),
        ...(pkg.groups.length > 0
          ? {
              'dcat:theme': pkg.groups.map((name) => ({
                '@id': `${site}/group/${name}`,
                '@type': 'skos:Concept',
                'skos:prefLabel': literals(input.group(name)?.title ?? { en: name }),
              })),
            }
          : {}),
        'dcat:landingPage': { '@id': page },
        'dct:issued': dateTime(pkg.metadata_created),
        'dct:modified': dateTime(pkg.metadata_modified),
        'dct:language': [{ '@id': `${EU_LANGUAGE}ENG` }, { '@id': `${EU_LANGUAGE}ZHO` }],
        'dcat:distribution': pkg.resources.map((resource) => distribution(resource, pkg, site)),
      };
    }),
  };
}
