import { createHash } from 'node:crypto';

/** The files of a ustar archive, by path, read as a tar reader would (prefix and name joined). */
export function untar(archive: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (let offset = 0; offset + 512 <= archive.length; ) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const text = (from: number, length: number) =>
      header
        .subarray(from, from + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const stored = Number.parseInt(text(148, 8).trim(), 8);
    const copy = Buffer.from(header);
    copy.fill(' ', 148, 156);
    const sum = copy.reduce((a, b) => a + b, 0);
    if (sum !== stored) throw new Error(`bad header checksum at ${offset}`);
    if (text(257, 6) !== 'ustar') throw new Error('not a ustar archive');
    const size = Number.parseInt(text(124, 12), 8);
    const prefix = text(345, 155);
    const name = `${prefix ? `${prefix}/` : ''}${text(0, 100)}`;
    files.set(name, archive.subarray(offset + 512, offset + 512 + size));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * What is wrong with a serialized bag under RFC 8493, or nothing: one top directory; `bagit.txt`
 * declaring version 1.0 and UTF-8; a payload manifest listing every file under `data/` and only
 * those, with correct SHA-256 digests; `Payload-Oxum` matching; a tag manifest whose digests hold.
 */
export function bagProblems(archive: Buffer): string[] {
  const problems: string[] = [];
  const entries = untar(archive);
  const roots = new Set([...entries.keys()].map((p) => p.split('/')[0]));
  if (roots.size !== 1) return [`a bag has one top directory, not ${[...roots].join(', ')}`];
  const [root] = roots;
  const file = (p: string) => entries.get(`${root}/${p}`);
  if (file('bagit.txt')?.toString() !== 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n')
    problems.push('bagit.txt is not as RFC 8493 §2.1.1 says');
  const manifest = file('manifest-sha256.txt')?.toString() ?? '';
  if (!manifest) problems.push('no payload manifest');
  const listed = new Map(
    manifest
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [digest, ...path] = line.split(/ +/);
        return [path.join(' '), digest] as const;
      }),
  );
  const payload = [...entries.keys()].filter((p) => p.startsWith(`${root}/data/`)).map((p) => p.slice(root.length + 1));
  if ([...listed.keys()].sort().join() !== payload.sort().join()) problems.push('the manifest does not list exactly the payload files');
  let octets = 0;
  for (const [path, digest] of listed) {
    const bytes = file(path);
    if (!bytes || sha256(bytes) !== digest) problems.push(`${path} does not match its manifest digest`);
    octets += bytes?.length ?? 0;
  }
  const info = file('bag-info.txt')?.toString() ?? '';
  const oxum = /^Payload-Oxum: (\d+)\.(\d+)$/m.exec(info);
  if (!oxum || Number(oxum[1]) !== octets || Number(oxum[2]) !== payload.length) problems.push('Payload-Oxum does not match the payload');
  for (const line of (file('tagmanifest-sha256.txt')?.toString() ?? '').trim().split('\n').filter(Boolean)) {
    const [digest, path] = line.split(/ +/);
    if (path.startsWith('data/') || sha256(file(path) ?? Buffer.alloc(0)) !== digest || !file(path))
      problems.push(`tag file ${path} does not match its digest`);
  }
  return problems;
}
