import { pick } from '../domain/language';
import type { OpenDataPorts } from '../ports';
import { langOf, type RequestContext } from './actions';

export interface StatusShowResult {
  readonly site_title: string;
  readonly site_description: string;
  readonly site_url: string;
  readonly ckan_version: string;
  readonly error_emails_to: null;
  readonly locale_default: string;
  readonly extensions: readonly string[];
}

/** status_show: what CKAN clients read to learn the site and its API version. */
export async function statusShow(ports: OpenDataPorts, ctx: RequestContext): Promise<StatusShowResult> {
  const lang = langOf(ctx);
  return {
    site_title: pick(ports.site.title, lang),
    site_description: pick(ports.site.description, lang),
    site_url: ports.site.siteUrl,
    ckan_version: ports.site.ckanVersion,
    error_emails_to: null,
    locale_default: lang === 'en' ? 'en' : lang === 'tc' ? 'zh_Hant_TW' : 'zh_Hans_CN',
    extensions: ['fluent', 'dcat', 'historical-archive'],
  };
}
