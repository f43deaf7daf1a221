import { createHash } from 'node:crypto';

/**
 * A record as a BagIt bag (RFC 8493), serialized as one POSIX tar (ustar) archive whose top
 * directory is the bag: `bagit.txt`, `bag-info.txt`, the content under `data/`, its SHA-256
 * manifest, the record's metadata and history as tag files, and the tag manifest over them.
 */
export interface BagFile {
  /** Path inside the bag, like `data/minutes.pdf`. */
  readonly path: string;
  readonly bytes: Buffer;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The files of a bag, in the order they are written: payload, then tag files, tag manifest last. */
export function bagFiles(
  payload: readonly BagFile[],
  info: Readonly<Record<string, string>>,
  tags: readonly BagFile[],
  baggingDate: Date,
): BagFile[] {
  const manifest = payload.map((f) => `${sha256(f.bytes)}  ${f.path}\n`).join('');
  const octets = payload.reduce((sum, f) => sum + f.bytes.length, 0);
  const fields = {
    'Bagging-Date': baggingDate.toISOString().slice(0, 10),
    'Payload-Oxum': `${octets}.${payload.length}`,
    ...info,
  };
  const tagFiles: BagFile[] = [
    { path: 'bagit.txt', bytes: Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n') },
    {
      path: 'bag-info.txt',
      bytes: Buffer.from(
        Object.entries(fields)
          .map(([k, v]) => `${k}: ${v.replace(/\s+/g, ' ')}\n`)
          .join(''),
      ),
    },
    { path: 'manifest-sha256.txt', bytes: Buffer.from(manifest) },
    ...tags,
  ];
  const tagManifest = tagFiles.map((f) => `${sha256(f.bytes)}  ${f.path}\n`).join('');
  return [...payload, ...tagFiles, { path: 'tagmanifest-sha256.txt', bytes: Buffer.from(tagManifest) }];
}

/** One ustar header field: an octal number, NUL-terminated, or a path part, which may fill its field. */
function field(header: Buffer, offset: number, length: number, value: string, fills = false): void {
  header.write(value, offset, fills ? length : length - 1, 'utf8');
}
const octal = (n: number, length: number) => n.toString(8).padStart(length - 1, '0');

/** A ustar archive of the files under `root/`; paths longer than a header holds are split into prefix and name. */
export function tarOf(root: string, files: readonly BagFile[], mtime: Date): Buffer {
  const blocks: Buffer[] = [];
  for (const file of files) {
    const full = `${root}/${file.path}`;
    const cut = full.lastIndexOf('/');
    const [prefix, name] = Buffer.byteLength(full) <= 100 ? ['', full] : [full.slice(0, cut), full.slice(cut + 1)];
    if (Buffer.byteLength(name) > 100 || Buffer.byteLength(prefix) > 155) throw new Error(`Path ${full} is too long for a ustar archive`);
    const header = Buffer.alloc(512);
    field(header, 0, 100, name, true);
    field(header, 100, 8, '0000644');
    field(header, 108, 8, octal(0, 8));
    field(header, 116, 8, octal(0, 8));
    field(header, 124, 12, octal(file.bytes.length, 12));
    field(header, 136, 12, octal(Math.floor(mtime.getTime() / 1000), 12));
    header.fill(' ', 148, 156);
    header.write('0', 156);
    header.write('ustar\u000000', 257, 8, 'binary');
    field(header, 345, 155, prefix, true);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${octal(sum, 7)}\u0000 `, 148, 8, 'binary');
    blocks.push(header, file.bytes, Buffer.alloc((512 - (file.bytes.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}
