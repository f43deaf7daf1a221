import { DEFAULT_UPLOAD_POLICY } from '../domain/upload-policy';
import type { SiteConfig } from './context';

/** The CKAN release whose Action API this service follows. */
export const CKAN_COMPATIBLE_VERSION = '2.10.4';

/** The site URL when OPEN_DATA_SITE_URL is not set: local mode's default address. */
export const DEFAULT_SITE_URL = 'http://127.0.0.1:3000/open-data';

/**
 * Site settings from the environment the stack or local mode sets:
 * OPEN_DATA_SITE_URL (the CKAN base URL, where download links point too), OPEN_DATA_DOWNLOAD_URL
 * (where counted downloads are redirected: CloudFront in AWS), OPEN_DATA_CONTACT_EMAIL and
 * OPEN_DATA_MAX_UPLOAD_BYTES.
 */
export function siteConfigFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): SiteConfig {
  const siteUrl = (env.OPEN_DATA_SITE_URL || DEFAULT_SITE_URL).replace(/\/+$/, '');
  const maxBytes = Number(env.OPEN_DATA_MAX_UPLOAD_BYTES);
  const fileDeliveryUrl = env.OPEN_DATA_DOWNLOAD_URL?.replace(/\/+$/, '');
  return {
    siteUrl,
    downloadBaseUrl: siteUrl,
    ...(fileDeliveryUrl ? { fileDeliveryUrl } : {}),
    title: { en: 'Open Data Portal', tc: '資料一線通', sc: '资料一线通' },
    description: {
      en: 'Public sector information released by government departments for free use.',
      tc: '政府部門發放供免費使用的公共資料。',
      sc: '政府部门发放供免费使用的公共资料。',
    },
    publisher: { en: 'Digital Policy Office', tc: '數字政策辦公室', sc: '数字政策办公室' },
    email: env.OPEN_DATA_CONTACT_EMAIL ?? 'opendata@example.gov.hk',
    uploadPolicy: Number.isInteger(maxBytes) && maxBytes > 0 ? { ...DEFAULT_UPLOAD_POLICY, maxBytes } : DEFAULT_UPLOAD_POLICY,
    ckanVersion: CKAN_COMPATIBLE_VERSION,
  };
}
