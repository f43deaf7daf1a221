import { escapeHtml } from '../../shared/html';
/**
 * A plain HTML rendering of an e-mail body for previews: paragraphs, line breaks, bullet
 * lists, `#` headings, `^` inset text and `[text](https://link)`. Everything is escaped
 * first, so personalisation can never inject markup.
 */
export function emailBodyToHtml(body: string): string {
  const blocks = body.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  return blocks
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map(renderBlock)
    .join('\n');
}

function renderBlock(block: string): string {
  const lines = block.split('\n');
  if (lines.every((line) => /^[*•-]\s+/.test(line))) {
    return `<ul>${lines.map((line) => `<li>${inline(line.replace(/^[*•-]\s+/, ''))}</li>`).join('')}</ul>`;
  }
  if (lines.length === 1 && block.startsWith('# ')) return `<h2>${inline(block.slice(2))}</h2>`;
  if (block.startsWith('^')) return `<blockquote><p>${lines.map((l) => inline(l.replace(/^\^\s*/, ''))).join('<br>')}</p></blockquote>`;
  return `<p>${lines.map(inline).join('<br>')}</p>`;
}

function inline(text: string): string {
  return escapeHtml(text).replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, '<a href="$2">$1</a>');
}
