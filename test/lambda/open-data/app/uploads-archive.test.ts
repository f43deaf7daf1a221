import { createHash } from 'node:crypto';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { getArchivedFile, listArchivedFiles, listArchivedFileVersions } from '../../../../lambda/open-data/app/archive';
import { dcatCatalog, dcatUsCatalog } from '../../../../lambda/open-data/app/catalog-export';
import { packageShow } from '../../../../lambda/open-data/app/datasets';
import { downloadStatistics, resolveDownload } from '../../../../lambda/open-data/app/downloads';
import { resourceCreate, resourceUpdate, type UploadInstructions, uploadComplete } from '../../../../lambda/open-data/app/resources';
import { getFileParams, listFilesParams, listFileVersionsParams } from '../../../../lambda/open-data/domain/archive';
import { openDataService } from '../../../../lambda/open-data/routes';
import schema from '../fixtures/dcat-us-1.1.schema.json';
import { EPD, PUBLIC, TD, useSeededOpenData } from '../open-data-setup';

const sha256 = (body: string) => createHash('sha256').update(body).digest('hex');
const declare = (body: string, overrides: Record<string, unknown> = {}) => ({
  filename: 'parking.csv',
  content_type: 'text/csv',
  size: Buffer.byteLength(body),
  sha256: sha256(body),
  ...overrides,
});

async function put(upload: UploadInstructions, body: string): Promise<number> {
  return (await fetch(upload.url, { method: upload.method, headers: upload.headers, body })).status;
}

describe('uploads, the historical archive, downloads and DCAT exports', () => {
  const env = useSeededOpenData();
  const DATASET = 'hk-td-tis_5-journey-time-indicators';

  it('refuses an upload over the size cap or of a type not allowed, and stores nothing', async () => {
    const before = (await packageShow(env.deps, TD, { id: DATASET })).num_resources;
    const tooBig = resourceCreate(env.deps, TD, {
      package_id: DATASET,
      upload: declare('x', { size: env.deps.site.uploadPolicy.maxBytes + 1 }),
    });
    await expect(tooBig).rejects.toMatchObject({
      status: 409,
      code: 'validation_failed',
      details: { upload: { size: [expect.stringMatching(/largest accepted/)] } },
    });
    const wrongType = resourceCreate(env.deps, TD, {
      package_id: DATASET,
      upload: declare('x', { content_type: 'application/x-sh' }),
    });
    await expect(wrongType).rejects.toMatchObject({
      details: { upload: { content_type: [expect.stringMatching(/not accepted/)] } },
    });
    expect((await packageShow(env.deps, TD, { id: DATASET })).num_resources).toBe(before);
  });

  it('uploads through a presigned PUT, records the checksum and a version, serves it back from the archive', async () => {
    env.clock.set('2024-07-01T02:15:00.000Z');
    const body = 'location,destination,minutes\nH1,Airport,35\n';
    const created = await resourceCreate(env.deps, TD, { package_id: DATASET, name: 'Journey times (July)', upload: declare(body) });
    expect(created).toMatchObject({
      url_type: 'upload',
      format: 'CSV',
      size: null,
      upload: { method: 'PUT', upload_id: expect.any(String) },
    });
    expect(await put(created.upload!, body)).toBe(200);
    const completed = await uploadComplete(env.deps, TD, { upload_id: created.upload!.upload_id });
    expect(completed).toMatchObject({
      id: created.id,
      size: Buffer.byteLength(body),
      hash: sha256(body),
      mimetype: 'text/csv',
      last_modified: '2024-07-01T02:15:00.000',
    });

    // Completing again changes nothing and records no second version.
    await uploadComplete(env.deps, TD, { upload_id: created.upload!.upload_id });
    const versions = await listArchivedFileVersions(
      env.deps,
      listFileVersionsParams.parse({ url: completed.url, start: '20240701', end: '20240701' }),
    );
    expect(versions).toEqual({ 'version-count': 1, timestamps: ['20240701-1015'], 'data-dictionary-dates': [], 'schema-dates': [] });

    const file = await getArchivedFile(env.deps, getFileParams.parse({ url: completed.url, time: '20240701-1015' }));
    expect(file).toMatchObject({ contentType: 'text/csv', size: Buffer.byteLength(body) });
    expect(await (await fetch(file.location)).text()).toBe(body);

    const listed = await listArchivedFiles(env.deps, listFilesParams.parse({ start: '20240701', end: '20240731', provider: 'hk-td' }));
    expect(listed.files.map((f) => [f.url, f['version-count'], f['dataset-name-tc']])).toEqual([[completed.url, 1, '行車時間指示']]);
  });

  it('keeps the previous version when a file is replaced', async () => {
    env.clock.set('2024-07-02T02:00:00.000Z');
    const pkg = await packageShow(env.deps, TD, { id: DATASET });
    const resource = pkg.resources.find((r) => r.name === 'Journey times (July)')!;
    const body = 'location,destination,minutes\nH1,Airport,40\n';
    const updated = await resourceUpdate(env.deps, TD, { id: resource.id, upload: declare(body) });
    expect(await put(updated.upload!, body)).toBe(200);
    await uploadComplete(env.deps, TD, { upload_id: updated.upload!.upload_id });
    const versions = await listArchivedFileVersions(
      env.deps,
      listFileVersionsParams.parse({ url: resource.url, start: '20240701', end: '20240702' }),
    );
    expect(versions.timestamps).toEqual(['20240701-1015', '20240702-1000']);
    const first = await getArchivedFile(env.deps, getFileParams.parse({ url: resource.url, time: '20240701-1015' }));
    expect(await (await fetch(first.location)).text()).toContain('35');
  });

  it('refuses to complete an upload whose bytes differ from the declaration, and records nothing', async () => {
    env.clock.set('2024-07-03T02:00:00.000Z');
    const declared = 'a,b\n1,2\n';
    const created = await resourceCreate(env.deps, TD, { package_id: DATASET, upload: declare(declared, { filename: 'other.csv' }) });
    await expect(uploadComplete(env.deps, TD, { upload_id: created.upload!.upload_id })).rejects.toMatchObject({
      details: { upload: [expect.stringMatching(/No file/)] },
    });
    await put(created.upload!, 'a,b\n9,9\n'); // embedded S3 does not check the signed checksum; AWS would refuse this PUT
    await expect(uploadComplete(env.deps, TD, { upload_id: created.upload!.upload_id })).rejects.toMatchObject({
      details: { upload: [expect.stringMatching(/differs/)] },
    });
    await expect(uploadComplete(env.deps, EPD, { upload_id: created.upload!.upload_id })).rejects.toMatchObject({ status: 403 });
    const resource = (await packageShow(env.deps, TD, { id: DATASET })).resources.find((r) => r.id === created.id)!;
    expect(resource.size).toBeNull();
    const versions = await listArchivedFileVersions(
      env.deps,
      listFileVersionsParams.parse({ url: resource.url, start: '20240703', end: '20240703' }),
    );
    expect(versions['version-count']).toBe(0);
  });

  it('answers bad archive parameters with 400 and a message per parameter', async () => {
    // The runtime checks the query with the route's schema and words a refusal with the service's requestError.
    const query = { start: '2024-07-01' };
    const checked = openDataService.routes.listArchivedFiles.query.safeParse(query);
    const refused =
      checked.error && openDataService.requestError?.({ routeId: 'listArchivedFiles', where: 'query', error: checked.error, input: query });
    expect(refused).toMatchObject({ status: 400 });
    expect(refused?.details).toEqual({ start: [expect.stringMatching(/YYYYMMDD/)], end: [expect.any(String)] });
    await expect(getArchivedFile(env.deps, getFileParams.parse({ url: 'https://nowhere', time: '20240701-1015' }))).rejects.toMatchObject({
      status: 404,
    });
  });

  it('never lists or serves archived files of unpublished datasets', async () => {
    const listed = await listArchivedFiles(env.deps, listFilesParams.parse({ start: '20240101', end: '20241231', max: '1000' }));
    expect(listed.files.map((f) => f['dataset-id'])).not.toContain('hk-hko-lightning-location-raw');
    expect(listed.files.map((f) => f['dataset-id'])).toContain('hk-hko-daily-total-rainfall');
    const hidden = (await packageShow(env.deps, { caller: { kind: 'admin' } }, { id: 'hk-hko-lightning-location-raw' })).resources[0];
    const versions = await listArchivedFileVersions(
      env.deps,
      listFileVersionsParams.parse({ url: hidden.url, start: '20240101', end: '20241231' }),
    );
    expect(versions.timestamps).toEqual([]);
    await expect(getArchivedFile(env.deps, getFileParams.parse({ url: hidden.url, time: '20240608-1000' }))).rejects.toMatchObject({
      status: 404,
    });
  });

  it('counts downloads per dataset, and refuses downloads of unpublished datasets to the public', async () => {
    const rainfall = await packageShow(env.deps, PUBLIC, { id: 'hk-hko-daily-total-rainfall' });
    const ids = { packageId: rainfall.id, resourceId: rainfall.resources[0].id };
    const target = await resolveDownload(env.deps, PUBLIC, ids);
    expect(target).toMatchObject({ kind: 'object', contentType: 'text/csv', fileName: 'daily-rainfall.csv' });
    await resolveDownload(env.deps, PUBLIC, ids);
    const hidden = await packageShow(env.deps, { caller: { kind: 'admin' } }, { id: 'hk-hko-lightning-location-raw' });
    await expect(resolveDownload(env.deps, PUBLIC, { packageId: hidden.id, resourceId: hidden.resources[0].id })).rejects.toMatchObject({
      status: 404,
    });
    const stats = await downloadStatistics(env.deps);
    expect(stats.find((entry) => entry.packageId === rainfall.id)).toMatchObject({ total: 2, resources: { [ids.resourceId]: 2 } });
  });

  it('exports the published catalogue as valid DCAT-US 1.1 and as DCAT-AP 3 JSON-LD', async () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const dataJson = await dcatUsCatalog(env.deps);
    const validate = ajv.compile(schema);
    expect(validate(dataJson) || validate.errors).toBe(true);
    expect(dataJson.dataset.map((d) => d.title)).not.toContain('Traffic Camera Maintenance Schedule');
    const jsonld = await dcatCatalog(env.deps);
    expect(jsonld['@id']).toBe('https://data.example.gov.hk/open-data/catalog.jsonld');
    expect(jsonld['dcat:dataset'].length).toBe(dataJson.dataset.length);
  });
});
