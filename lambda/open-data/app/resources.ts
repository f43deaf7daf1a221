import { PUBLIC_CALLER } from '../domain/caller';
import { MAX_RESOURCES_PER_DATASET, type StoredPackage, type StoredResource } from '../domain/entities';
import { type CkanResource, resourceDict } from '../domain/package-dict';
import { trilingualFrom } from '../domain/package-input';
import type { AutocompleteParams, ResourceSearchParams, ResourceShowParams } from '../domain/params';
import { baseContentType, formatOf, safeFileName, type UploadRequest, uploadObjectKey, uploadProblems } from '../domain/upload-policy';
import { mayRead } from '../domain/visibility';
import type { ResourceCreateParams, ResourceUpdateParams } from '../domain/write-params';
import { invalid, invalidField, notFound, quoted, resourceNotFound } from '../errors';
import type { OpenDataPorts } from '../ports';
import { langOf, type RequestContext } from './actions';
import { audit, editable, mergeIntoPackage } from './publishing';

/**
 * Resources and their files. A file is not sent through the API: resource_create or
 * resource_update with `upload` returns a presigned PUT, and resource_upload_complete checks
 * what arrived and makes it the resource's current version, recorded in the archive.
 */

/** resource_show: one resource by id, if its dataset may be read. */
export async function resourceShow(ports: OpenDataPorts, ctx: RequestContext, params: ResourceShowParams): Promise<CkanResource> {
  const packageId = await ports.packages.packageIdOfResource(params.id);
  const [pkg, index] = await Promise.all([packageId ? ports.packages.get(packageId) : undefined, ports.catalog.current()]);
  const position = pkg?.resources.findIndex((resource) => resource.id === params.id) ?? -1;
  if (!pkg || position < 0 || !mayRead(pkg, index.departmentOf(pkg), ctx.caller)) throw resourceNotFound();
  return resourceDict(pkg.resources[position], pkg, position, langOf(ctx));
}

export interface UploadInstructions {
  readonly upload_id: string;
  readonly url: string;
  readonly method: 'PUT';
  readonly headers: Readonly<Record<string, string>>;
  readonly expires_at: string;
}

export type ResourceWithUpload = CkanResource & { upload?: UploadInstructions };

function downloadUrl(ports: OpenDataPorts, packageId: string, resourceId: string, fileName: string): string {
  return `${ports.site.downloadBaseUrl.replace(/\/+$/, '')}/dataset/${packageId}/resource/${resourceId}/download/${encodeURIComponent(safeFileName(fileName))}`;
}

async function startUpload(
  ports: OpenDataPorts,
  pkg: StoredPackage,
  resourceId: string,
  upload: UploadRequest,
): Promise<UploadInstructions> {
  const uploadId = ports.ids.uuid();
  const objectKey = uploadObjectKey(pkg.id, resourceId, uploadId, upload.filename);
  const now = ports.clock.now();
  const lifetime = ports.site.uploadPolicy.urlLifetimeSeconds;
  await ports.uploads.put({
    uploadId,
    packageId: pkg.id,
    resourceId,
    objectKey,
    fileName: safeFileName(upload.filename),
    contentType: baseContentType(upload.content_type),
    size: upload.size,
    sha256: upload.sha256,
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + lifetime + 3600,
  });
  const presigned = await ports.objects.presignUpload(objectKey, {
    contentType: baseContentType(upload.content_type),
    size: upload.size,
    sha256: upload.sha256,
    expiresInSeconds: lifetime,
  });
  return { upload_id: uploadId, url: presigned.url, method: presigned.method, headers: presigned.headers, expires_at: presigned.expiresAt };
}

/** Refuses a declared upload the site's policy does not accept. */
function checkUpload(ports: OpenDataPorts, upload: UploadRequest | undefined): void {
  const problems = upload && uploadProblems(upload, ports.site.uploadPolicy);
  if (problems) throw invalid({ upload: problems });
}

/**
 * resource_create: adds a link, or a file to upload. For a file the answer carries `upload`: a
 * presigned PUT, then resource_upload_complete makes the file the resource's current version.
 */
export async function resourceCreate(ports: OpenDataPorts, ctx: RequestContext, params: ResourceCreateParams): Promise<ResourceWithUpload> {
  const { pkg: dataset } = await editable(ports, ctx, params.package_id, 'add resources to');
  checkUpload(ports, params.upload);
  const resourceId = ports.ids.uuid();
  const now = ports.clock.now().toISOString();
  const { upload } = params;
  const resource: StoredResource = {
    id: resourceId,
    url: upload ? downloadUrl(ports, dataset.id, resourceId, upload.filename) : params.url!,
    name: trilingualFrom(params.name, params.name_translated) ?? { en: upload ? safeFileName(upload.filename) : '' },
    description: trilingualFrom(params.description, params.description_translated) ?? { en: '' },
    format: params.format ?? (upload ? formatOf(upload.content_type) : ''),
    mimetype: params.mimetype ?? (upload ? baseContentType(upload.content_type) : null),
    size: null,
    hash: '',
    created: now,
    last_modified: null,
    url_type: upload ? 'upload' : null,
  };
  const written = await mergeIntoPackage(ports, dataset.id, (pkg) => {
    if (pkg.resources.length >= MAX_RESOURCES_PER_DATASET) {
      throw invalidField('resources', `A dataset holds at most ${MAX_RESOURCES_PER_DATASET} resources`);
    }
    return { ...pkg, resources: [...pkg.resources, resource], metadata_modified: now, revision: pkg.revision + 1 };
  });
  await audit(ports, ctx, 'resource_create', written, resourceId);
  const dict = resourceDict(resource, written, written.resources.length - 1, langOf(ctx));
  return upload ? { ...dict, upload: await startUpload(ports, written, resourceId, upload) } : dict;
}

/** resource_update: changes the given fields; an `upload` replaces the file once confirmed. */
export async function resourceUpdate(ports: OpenDataPorts, ctx: RequestContext, params: ResourceUpdateParams): Promise<ResourceWithUpload> {
  const packageId = await ports.packages.packageIdOfResource(params.id);
  if (!packageId) throw resourceNotFound();
  await editable(ports, ctx, packageId, 'update resources of');
  checkUpload(ports, params.upload);
  const now = ports.clock.now().toISOString();
  const { upload } = params;
  const written = await mergeIntoPackage(ports, packageId, (pkg) => {
    const position = pkg.resources.findIndex((resource) => resource.id === params.id);
    if (position < 0) throw resourceNotFound();
    const old = pkg.resources[position];
    const { object_key: currentObject, ...kept } = old;
    const toLink = params.url !== undefined;
    const updated: StoredResource = {
      ...kept,
      url: toLink ? params.url! : upload ? downloadUrl(ports, pkg.id, old.id, upload.filename) : old.url,
      name: trilingualFrom(params.name, params.name_translated) ?? old.name,
      description: trilingualFrom(params.description, params.description_translated) ?? old.description,
      format: params.format ?? (upload ? formatOf(upload.content_type) : old.format),
      mimetype: params.mimetype ?? (upload ? baseContentType(upload.content_type) : old.mimetype),
      url_type: toLink ? null : upload ? 'upload' : old.url_type,
      // A link replaces the file: it no longer has a stored object, size or digest.
      ...(toLink ? { size: null, hash: '' } : currentObject ? { object_key: currentObject } : {}),
    };
    const resources = pkg.resources.map((resource, i) => (i === position ? updated : resource));
    return { ...pkg, resources, metadata_modified: now, revision: pkg.revision + 1 };
  });
  await audit(ports, ctx, 'resource_update', written, params.id);
  const position = written.resources.findIndex((resource) => resource.id === params.id);
  const dict = resourceDict(written.resources[position], written, position, langOf(ctx));
  return upload ? { ...dict, upload: await startUpload(ports, written, params.id, upload) } : dict;
}

/**
 * resource_upload_complete: checks the uploaded object against what was declared (size and
 * SHA-256) and makes it the resource's current file, recording a version in the archive.
 * Completing twice is harmless.
 */
export async function uploadComplete(ports: OpenDataPorts, ctx: RequestContext, params: { upload_id: string }): Promise<CkanResource> {
  const intent = await ports.uploads.get(params.upload_id);
  if (!intent) throw notFound('Upload was not found: start it with resource_create or resource_update');
  await editable(ports, ctx, intent.packageId, 'upload files to');
  if (intent.expiresAt * 1000 < ports.clock.now().getTime()) {
    throw invalidField('upload', 'This upload has expired: start it again with resource_update');
  }
  const stored = await ports.objects.describe(intent.objectKey);
  if (!stored) throw invalidField('upload', 'No file has been uploaded yet: PUT it to the upload URL first');
  if (stored.size !== intent.size || stored.sha256 !== intent.sha256) {
    throw invalidField(
      'upload',
      `The uploaded file (${stored.size} bytes, SHA-256 ${stored.sha256}) differs from the one declared (${intent.size} bytes, SHA-256 ${intent.sha256}): upload it again`,
    );
  }
  const now = ports.clock.now().toISOString();
  const written = await mergeIntoPackage(ports, intent.packageId, (pkg) => {
    const position = pkg.resources.findIndex((resource) => resource.id === intent.resourceId);
    if (position < 0) throw resourceNotFound();
    const old = pkg.resources[position];
    if (old.object_key === intent.objectKey) return pkg;
    const updated: StoredResource = {
      ...old,
      url: downloadUrl(ports, pkg.id, old.id, intent.fileName),
      url_type: 'upload',
      object_key: intent.objectKey,
      size: intent.size,
      hash: intent.sha256,
      mimetype: intent.contentType,
      format: old.format || formatOf(intent.contentType),
      last_modified: now,
    };
    return {
      ...pkg,
      resources: pkg.resources.map((resource, i) => (i === position ? updated : resource)),
      metadata_modified: now,
      revision: pkg.revision + 1,
    };
  });
  const position = written.resources.findIndex((resource) => resource.id === intent.resourceId);
  const resource = written.resources[position];
  await ports.archive.record({
    url: resource.url,
    packageId: intent.packageId,
    resourceId: intent.resourceId,
    archivedAt: resource.last_modified ?? now,
    objectKey: intent.objectKey,
    size: intent.size,
    sha256: intent.sha256,
    mimetype: intent.contentType,
  });
  if (await ports.uploads.complete(intent.uploadId, now)) await audit(ports, ctx, 'resource_upload_complete', written, intent.resourceId);
  return resourceDict(resource, written, position, langOf(ctx));
}

/** resource_patch: the given fields change and the others stay, as resource_update changes them here. */
export const resourcePatch = resourceUpdate;

/**
 * resource_delete: removes a resource from its dataset. Its archived versions stay in the
 * historical archive, which keeps what was published; the download link stops answering.
 */
export async function resourceDelete(ports: OpenDataPorts, ctx: RequestContext, params: { id: string }): Promise<null> {
  const packageId = await ports.packages.packageIdOfResource(params.id);
  if (!packageId) throw resourceNotFound();
  await editable(ports, ctx, packageId, 'delete resources of');
  const now = ports.clock.now().toISOString();
  const written = await mergeIntoPackage(ports, packageId, (pkg) => {
    if (!pkg.resources.some((resource) => resource.id === params.id)) throw resourceNotFound();
    return {
      ...pkg,
      resources: pkg.resources.filter((resource) => resource.id !== params.id),
      metadata_modified: now,
      revision: pkg.revision + 1,
    };
  });
  await audit(ports, ctx, 'resource_delete', written, params.id);
  return null;
}

/** resource_view_list: the views of a resource; none are kept here, so always none once the resource is found. */
export async function resourceViewList(ports: OpenDataPorts, ctx: RequestContext, params: ResourceShowParams): Promise<never[]> {
  await resourceShow(ports, ctx, params);
  return [];
}

/** The fields resource_search looks in, and how (ckan/logic/action/get.py resource_search). */
const SEARCHABLE: Readonly<Record<string, (resource: CkanResource, term: string) => boolean>> = {
  id: (resource, term) => resource.id.toLowerCase().includes(term),
  package_id: (resource, term) => resource.package_id.toLowerCase().includes(term),
  url: (resource, term) => resource.url.toLowerCase().includes(term),
  format: (resource, term) => resource.format.toLowerCase().includes(term),
  mimetype: (resource, term) => (resource.mimetype ?? '').toLowerCase().includes(term),
  // Names and descriptions match in any of the three languages.
  name: (resource, term) => Object.values(resource.name_translated).some((text) => text.toLowerCase().includes(term)),
  description: (resource, term) => Object.values(resource.description_translated).some((text) => text.toLowerCase().includes(term)),
  // CKAN matches a hash as a prefix.
  hash: (resource, term) => resource.hash.toLowerCase().startsWith(term),
};

/**
 * resource_search: resources of published datasets holding every `field:term` of `query`, a term
 * matching case-blind anywhere in the field (the start of `hash`), ordered by `order_by` if given.
 */
export async function resourceSearch(
  ports: OpenDataPorts,
  ctx: RequestContext,
  params: ResourceSearchParams,
): Promise<{ count: number; results: CkanResource[] }> {
  if (params.query === undefined) throw invalidField('query', 'Missing value');
  const criteria = params.query.map((pair) => {
    const colon = pair.indexOf(':');
    if (colon < 0) throw invalidField('query', 'Must be <field>:<value> pair(s)');
    const field = pair.slice(0, colon);
    if (!Object.hasOwn(SEARCHABLE, field)) throw invalidField('query', `Field ${quoted(field)} not recognised in resource_search.`);
    return { matches: SEARCHABLE[field], term: pair.slice(colon + 1).toLowerCase() };
  });
  const index = await ports.catalog.current();
  const lang = langOf(ctx);
  const found = index
    .visible(PUBLIC_CALLER)
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((pkg) => pkg.resources.map((resource, position) => resourceDict(resource, pkg, position, lang)))
    .filter((resource) => criteria.every(({ matches, term }) => matches(resource, term)));
  const order = params.order_by;
  if (order && order in (found[0] ?? {})) {
    const key = (resource: CkanResource) => String((resource as Record<string, unknown>)[order] ?? '');
    found.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
  const offset = params.offset ?? 0;
  return { count: found.length, results: found.slice(offset, params.limit === undefined ? undefined : offset + params.limit) };
}

/** format_autocomplete: formats of published resources containing q, commonest first, in lower case. */
export async function formatAutocomplete(ports: OpenDataPorts, _ctx: RequestContext, params: AutocompleteParams): Promise<string[]> {
  const needle = params.q.trim().toLowerCase();
  const counts = new Map<string, number>();
  for (const pkg of (await ports.catalog.current()).visible(PUBLIC_CALLER)) {
    for (const { format } of pkg.resources) {
      const name = format.trim().toLowerCase();
      if (name !== '' && name.includes(needle)) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, params.limit)
    .map(([name]) => name);
}
