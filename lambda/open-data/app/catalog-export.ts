import type { CatalogExportInput } from '../domain/catalog-export';
import { catalogJsonLd } from '../domain/dcat-ap';
import { dataJson } from '../domain/dcat-us';
import type { OpenDataPorts } from '../ports';

async function exportInput(deps: OpenDataPorts): Promise<CatalogExportInput> {
  const index = await deps.catalog.current();
  return {
    site: {
      url: deps.site.siteUrl,
      title: deps.site.title,
      description: deps.site.description,
      publisher: deps.site.publisher,
      email: deps.site.email,
    },
    packages: index.all(),
    organization: (id) => index.organization(id),
    group: (name) => index.group(name),
  };
}

/** `/open-data/catalog.jsonld`: DCAT-AP 3 JSON-LD of the published catalogue. */
export async function dcatCatalog(deps: OpenDataPorts): Promise<ReturnType<typeof catalogJsonLd>> {
  return catalogJsonLd(await exportInput(deps));
}

/** `/open-data/data.json`: DCAT-US 1.1 of the published catalogue. */
export async function dcatUsCatalog(deps: OpenDataPorts): Promise<ReturnType<typeof dataJson>> {
  return dataJson(await exportInput(deps));
}
