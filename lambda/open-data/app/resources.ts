import { langOf, type RequestContext } from '../domain/caller';
import type { StoredPackage, StoredResource } from '../domain/entities';
import { type CkanError, ckanError, fail, ok, type Result } from '../domain/errors';
import { type CkanResource, resourceDict } from '../domain/package-dict';
import { trilingualFrom } from '../domain/package-input';
import { baseContentType, formatOf, safeFileName, type UploadRequest, uploadObjectKey, uploadProblems } from '../domain/upload-policy';
import type { ResourceCreateParams, ResourceUpdateParams } from '../domain/write-params';
import type { OpenDataPorts } from '../ports';
import { audit, editable, mergeIntoPackage } from '../service/publishing';

/**
 * Resources and their files. A file is not sent through the API: resource_create or
 * resource_update with `upload` returns a presigned PUT, and resource_upload_complete checks
 * what arrived and makes it the resource's current version, recorded in the archive.
 */

export interface UploadInstructions {
  readonly upload_id: string;
  readonly url: string;
  readonly method: 'PUT';
  readonly headers: Readonly<Record<string, string>>;
  readonly expires_at: string;
}

export type ResourceWithUpload = CkanResource & { upload?: UploadInstructions };

function downloadUrl(deps: OpenDataPorts, packageId: string, resourceId: string, fileName: string): string {
  return `${deps.site.downloadBaseUrl.replace(/\/+$/, '')}/dataset/${packageId}/resource/${resourceId}/download/${encodeURIComponent(safeFileName(fileName))}`;
}

async function startUpload(
  deps: OpenDataPorts,
  pkg: StoredPackage,
  resourceId: string,
  upload: UploadRequest,
): Promise<UploadInstructions> {
  const uploadId = deps.ids.uuid();
  const objectKey = uploadObjectKey(pkg.id, resourceId, uploadId, upload.filename);
  const now = deps.clock.now();
  const lifetime = deps.site.uploadPolicy.urlLifetimeSeconds;
  await deps.uploads.put({
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
  const presigned = await deps.objects.presignUpload(objectKey, {
    contentType: baseContentType(upload.content_type),
    size: upload.size,
    sha256: upload.sha256,
    expiresInSeconds: lifetime,
  });
  return { upload_id: uploadId, url: presigned.url, method: presigned.method, headers: presigned.headers, expires_at: presigned.expiresAt };
}

function checkUpload(deps: OpenDataPorts, upload: UploadRequest | undefined): CkanError | undefined {
  if (!upload) return undefined;
  const problems = uploadProblems(upload, deps.site.uploadPolicy);
  return problems ? ckanError.validation({ upload: problems }) : undefined;
}

/**
 * resource_create: adds a link, or a file to upload. For a file the answer carries `upload`: a
 * presigned PUT, then resource_upload_complete makes the file the resource's current version.
 */
export async function resourceCreate(
  deps: OpenDataPorts,
  ctx: RequestContext,
  params: ResourceCreateParams,
): Promise<Result<ResourceWithUpload>> {
  const found = await editable(deps, ctx, params.package_id, 'add resources to');
  if (!found.ok) return found;
  const uploadError = checkUpload(deps, params.upload);
  if (uploadError) return fail(uploadError);
  const resourceId = deps.ids.uuid();
  const now = deps.clock.now().toISOString();
  const { upload } = params;
  const resource: StoredResource = {
    id: resourceId,
    url: upload ? downloadUrl(deps, found.value.pkg.id, resourceId, upload.filename) : params.url!,
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
  const written = await mergeIntoPackage(deps, found.value.pkg.id, (pkg) => {
    if (pkg.resources.length >= 250) return fail(ckanError.field('resources', 'A dataset holds at most 250 resources'));
    return ok({ ...pkg, resources: [...pkg.resources, resource], metadata_modified: now, revision: pkg.revision + 1 });
  });
  if (!written.ok) return written;
  await audit(deps, ctx, 'resource_create', written.value, resourceId);
  const dict = resourceDict(resource, written.value, written.value.resources.length - 1, langOf(ctx));
  return ok(upload ? { ...dict, upload: await startUpload(deps, written.value, resourceId, upload) } : dict);
}

/** resource_update: changes the given fields; an `upload` replaces the file once confirmed. */
export async function resourceUpdate(
  deps: OpenDataPorts,
  ctx: RequestContext,
  params: ResourceUpdateParams,
): Promise<Result<ResourceWithUpload>> {
  const packageId = await deps.packages.packageIdOfResource(params.id);
  if (!packageId) return fail(ckanError.notFound('Resource was not found.'));
  const found = await editable(deps, ctx, packageId, 'update resources of');
  if (!found.ok) return found;
  const uploadError = checkUpload(deps, params.upload);
  if (uploadError) return fail(uploadError);
  const now = deps.clock.now().toISOString();
  const { upload } = params;
  const written = await mergeIntoPackage(deps, packageId, (pkg) => {
    const position = pkg.resources.findIndex((resource) => resource.id === params.id);
    if (position < 0) return fail(ckanError.notFound('Resource was not found.'));
    const old = pkg.resources[position];
    const { object_key: currentObject, ...kept } = old;
    const toLink = params.url !== undefined;
    const updated: StoredResource = {
      ...kept,
      url: toLink ? params.url! : upload ? downloadUrl(deps, pkg.id, old.id, upload.filename) : old.url,
      name: trilingualFrom(params.name, params.name_translated) ?? old.name,
      description: trilingualFrom(params.description, params.description_translated) ?? old.description,
      format: params.format ?? (upload ? formatOf(upload.content_type) : old.format),
      mimetype: params.mimetype ?? (upload ? baseContentType(upload.content_type) : old.mimetype),
      url_type: toLink ? null : upload ? 'upload' : old.url_type,
      // A link replaces the file: it no longer has a stored object, size or digest.
      ...(toLink ? { size: null, hash: '' } : currentObject ? { object_key: currentObject } : {}),
    };
    const resources = pkg.resources.map((resource, i) => (i === position ? updated : resource));
    return ok({ ...pkg, resources, metadata_modified: now, revision: pkg.revision + 1 });
  });
  if (!written.ok) return written;
  await audit(deps, ctx, 'resource_update', written.value, params.id);
  const position = written.value.resources.findIndex((resource) => resource.id === params.id);
  const dict = resourceDict(written.value.resources[position], written.value, position, langOf(ctx));
  return ok(upload ? { ...dict, upload: await startUpload(deps, written.value, params.id, upload) } : dict);
}

/**
 * resource_upload_complete: checks the uploaded object against what was declared (size and
 * SHA-256) and makes it the resource's current file, recording a version in the archive.
 * Completing twice is harmless.
 */
export async function uploadComplete(
  deps: OpenDataPorts,
  ctx: RequestContext,
  params: { upload_id: string },
): Promise<Result<CkanResource>> {
  const intent = await deps.uploads.get(params.upload_id);
  if (!intent) return fail(ckanError.notFound('Upload was not found: start it with resource_create or resource_update'));
  const found = await editable(deps, ctx, intent.packageId, 'upload files to');
  if (!found.ok) return found;
  if (intent.expiresAt * 1000 < deps.clock.now().getTime()) {
    return fail(ckanError.field('upload', 'This upload has expired: start it again with resource_update'));
  }
  const stored = await deps.objects.describe(intent.objectKey);
  if (!stored) return fail(ckanError.field('upload', 'No file has been uploaded yet: PUT it to the upload URL first'));
  if (stored.size !== intent.size || stored.sha256 !== intent.sha256) {
    return fail(
      ckanError.field(
        'upload',
        `The uploaded file (${stored.size} bytes, SHA-256 ${stored.sha256}) differs from the one declared (${intent.size} bytes, SHA-256 ${intent.sha256}): upload it again`,
      ),
    );
  }
  const now = deps.clock.now().toISOString();
  const written = await mergeIntoPackage(deps, intent.packageId, (pkg) => {
    const position = pkg.resources.findIndex((resource) => resource.id === intent.resourceId);
    if (position < 0) return fail(ckanError.notFound('Resource was not found.'));
    const old = pkg.resources[position];
    if (old.object_key === intent.objectKey) return ok(pkg);
    const updated: StoredResource = {
      ...old,
      url: downloadUrl(deps, pkg.id, old.id, intent.fileName),
      url_type: 'upload',
      object_key: intent.objectKey,
      size: intent.size,
      hash: intent.sha256,
      mimetype: intent.contentType,
      format: old.format || formatOf(intent.contentType),
      last_modified: now,
    };
    return ok({
      ...pkg,
      resources: pkg.resources.map((resource, i) => (i === position ? updated : resource)),
      metadata_modified: now,
      revision: pkg.revision + 1,
    });
  });
  if (!written.ok) return written;
  const position = written.value.resources.findIndex((resource) => resource.id === intent.resourceId);
  const resource = written.value.resources[position];
  await deps.archive.record({
    url: resource.url,
    packageId: intent.packageId,
    resourceId: intent.resourceId,
    archivedAt: resource.last_modified ?? now,
    objectKey: intent.objectKey,
    size: intent.size,
    sha256: intent.sha256,
    mimetype: intent.contentType,
  });
  if (await deps.uploads.complete(intent.uploadId, now))
    await audit(deps, ctx, 'resource_upload_complete', written.value, intent.resourceId);
  return ok(resourceDict(resource, written.value, position, langOf(ctx)));
}
