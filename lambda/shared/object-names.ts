/** S3's x-amz-checksum-sha256 is the digest in base64; clients give it in hex. */
export const hexToBase64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

/** A file name safe in an S3 key and a URL: no path, no control characters, no spaces. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 150);
  return cleaned || 'file';
}
