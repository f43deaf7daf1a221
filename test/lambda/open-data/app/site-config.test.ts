import fc from 'fast-check';
import { downloadLocation } from '../../../../lambda/open-data/app/downloads';
import { DEFAULT_SITE_URL, siteConfigFromEnv } from '../../../../lambda/open-data/compose';
import type { OpenDataPorts } from '../../../../lambda/open-data/ports';

describe('site settings from the environment', () => {
  it('points download links at the site and redirects downloads to the file delivery URL', () => {
    const site = siteConfigFromEnv({
      OPEN_DATA_SITE_URL: 'https://api.example.gov.hk/v1/open-data/',
      OPEN_DATA_DOWNLOAD_URL: 'https://d111.cloudfront.net/',
    });
    expect(site).toMatchObject({
      siteUrl: 'https://api.example.gov.hk/v1/open-data',
      downloadBaseUrl: 'https://api.example.gov.hk/v1/open-data',
      fileDeliveryUrl: 'https://d111.cloudfront.net',
    });
  });

  it('falls back to local mode’s address and to presigned downloads', () => {
    const site = siteConfigFromEnv({});
    expect(site.siteUrl).toBe(DEFAULT_SITE_URL);
    expect(site.fileDeliveryUrl).toBeUndefined();
  });
});

describe('downloadLocation', () => {
  const presigned: string[] = [];
  const deps = (fileDeliveryUrl?: string) =>
    ({
      site: { ...siteConfigFromEnv({}), ...(fileDeliveryUrl ? { fileDeliveryUrl } : {}) },
      objects: {
        presignDownload: async (key: string) => {
          presigned.push(key);
          return `https://s3.example/${key}?X-Amz-Signature=x`;
        },
      },
    }) as unknown as OpenDataPorts;

  it('addresses any object key under the file delivery URL so that it decodes back to the key', async () => {
    const segment = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes('/'));
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 5 }), async (segments) => {
        const objectKey = segments.join('/');
        const location = await downloadLocation(deps('https://d111.cloudfront.net'), {
          kind: 'object',
          objectKey,
          fileName: 'f',
          contentType: null,
        });
        const path = location.slice('https://d111.cloudfront.net/'.length);
        expect(path.split('/').map(decodeURIComponent).join('/')).toBe(objectKey);
        expect(new URL(location).host).toBe('d111.cloudfront.net');
      }),
    );
  });

  it('presigns an S3 URL without a file delivery URL, and sends links to the publisher’s address', async () => {
    const location = await downloadLocation(deps(), {
      kind: 'object',
      objectKey: 'resources/p/r/u/雨量.csv',
      fileName: '雨量.csv',
      contentType: 'text/csv',
    });
    expect(location).toMatch(/X-Amz-Signature/);
    expect(presigned).toEqual(['resources/p/r/u/雨量.csv']);
    expect(await downloadLocation(deps('https://d111.cloudfront.net'), { kind: 'link', url: 'https://www.hko.gov.hk/rss.xml' })).toBe(
      'https://www.hko.gov.hk/rss.xml',
    );
  });
});
