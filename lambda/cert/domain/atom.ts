import type { PublicAdvisory } from './advisory';

export interface AtomFeedOptions {
  /** Permanent IRI of the feed, like `tag:cert.gov.hk,2026:advisories`. */
  readonly feedId: string;
  readonly title: string;
  /** URL the feed is served from. */
  readonly selfUrl: string;
  /** URL of the page of older advisories, when there is one (RFC 5005 paged feeds). @default - the last page */
  readonly nextUrl?: string;
  /** Page of one advisory, for each entry's link. */
  readonly advisoryUrl: (id: string) => string;
  readonly author: string;
  /** When the feed is empty, its `updated` time. */
  readonly emptyUpdated: Date;
}

/** Whether XML 1.0 can carry a code point at all, even escaped. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Text made safe for XML content and attribute values. */
export function xmlText(value: string): string {
  return Array.from(value)
    .filter((c) => isXmlChar(c.codePointAt(0) ?? 0))
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function entry(advisory: PublicAdvisory, options: AtomFeedOptions): string {
  const products = advisory.affectedProducts.map((p) => `- ${p}`).join('\n');
  const content = `${advisory.summary}\n\nAffected products:\n${products}${advisory.cves.length ? `\n\nCVE: ${advisory.cves.join(', ')}` : ''}`;
  return [
    '  <entry>',
    `    <id>${xmlText(`${options.feedId}:${advisory.id}`)}</id>`,
    `    <title>${xmlText(`${advisory.level} (${advisory.id}): ${advisory.title}`)}</title>`,
    `    <link rel="alternate" href="${xmlText(options.advisoryUrl(advisory.id))}"/>`,
    `    <published>${advisory.publishedAt}</published>`,
    `    <updated>${advisory.publishedAt}</updated>`,
    `    <category term="${xmlText(advisory.level)}"/>`,
    `    <summary type="text">${xmlText(advisory.summary)}</summary>`,
    `    <content type="text">${xmlText(content)}</content>`,
    '  </entry>',
  ].join('\n');
}

/** An Atom 1.0 (RFC 4287) feed of advisories, newest first as given; one page of a paged feed (RFC 5005) when it links a next. */
export function renderAtomFeed(advisories: readonly PublicAdvisory[], options: AtomFeedOptions): string {
  const updated =
    advisories
      .map((a) => a.publishedAt)
      .sort()
      .at(-1) ?? options.emptyUpdated.toISOString();
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(options.feedId)}</id>`,
    `  <title>${xmlText(options.title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(options.selfUrl)}"/>`,
    ...(options.nextUrl ? [`  <link rel="next" type="application/atom+xml" href="${xmlText(options.nextUrl)}"/>`] : []),
    `  <author><name>${xmlText(options.author)}</name></author>`,
    ...advisories.map((a) => entry(a, options)),
    '</feed>',
    '',
  ].join('\n');
}
