import type { CatalogExportInput } from '../domain/catalog-export';
import { catalogJsonLd } from '../domain/dcat-ap';
import { dataJson } from '../domain/dcat-us';
import type { OpenDataPorts } from '../ports';

async function exportInput(ports: OpenDataPorts): Promise<CatalogExportInput> {
  const index = await ports.catalog.current();
  return {
    site: {
      url: ports.site.siteUrl,
      title: ports.site.title,
      description: ports.site.description,
      publisher: ports.site.publisher,
      email: ports.site.email,
    },
    packages: index.all(),
    organization: (id) => index.organization(id),
    group: (name) => index.group(name),
  };
}

/** `/open-data/catalog.jsonld`: DCAT-AP 3 JSON-LD of the published catalogue. */
export async function dcatCatalog(ports: OpenDataPorts): Promise<ReturnType<typeof catalogJsonLd>> {
  return catalogJsonLd(await exportInput(ports));
}

/** `/open-data/data.json`: DCAT-US 1.1 of the published catalogue. */
export async function dcatUsCatalog(ports: OpenDataPorts): Promise<ReturnType<typeof dataJson>> {
  return dataJson(await exportInput(ports));
}
