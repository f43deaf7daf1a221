import { bagFiles, tarOf } from '../../../../lambda/records/domain/bagit';
import { bagProblems, untar } from '../bag-validator';

const AT = new Date('2026-06-01T02:00:00.000Z');

describe('a record as a BagIt bag in a tar archive', () => {
  const payload = [{ path: 'data/minutes.pdf', bytes: Buffer.from('minutes of the committee') }];
  const tags = [{ path: 'record.json', bytes: Buffer.from('{"id":"r-1"}\n') }];
  const files = bagFiles(payload, { 'Source-Organization': 'DPO', 'External-Identifier': 'r-1' }, tags, AT);

  it('is a valid bag: declaration, manifests, Payload-Oxum and tag manifest', () => {
    const archive = tarOf('record-r-1', files, AT);
    expect(bagProblems(archive)).toEqual([]);
    const entries = untar(archive);
    expect([...entries.keys()]).toEqual([
      'record-r-1/data/minutes.pdf',
      'record-r-1/bagit.txt',
      'record-r-1/bag-info.txt',
      'record-r-1/manifest-sha256.txt',
      'record-r-1/record.json',
      'record-r-1/tagmanifest-sha256.txt',
    ]);
    expect(entries.get('record-r-1/bag-info.txt')?.toString()).toBe(
      'Bagging-Date: 2026-06-01\nPayload-Oxum: 24.1\nSource-Organization: DPO\nExternal-Identifier: r-1\n',
    );
  });

  it('is found wrong by the validator when a payload byte changes', () => {
    const archive = tarOf(
      'record-r-1',
      bagFiles([{ path: 'data/minutes.pdf', bytes: Buffer.from('minutes of the committee') }], {}, [], AT),
      AT,
    );
    const at = archive.indexOf('minutes of the committee');
    archive[at] = 'M'.charCodeAt(0);
    expect(bagProblems(archive)).toContain('data/minutes.pdf does not match its manifest digest');
  });

  it('keeps a long path whole by splitting it between the header prefix and name', () => {
    const long = `data/${'a'.repeat(96)}.pdf`;
    const archive = tarOf(`record-${'f'.repeat(36)}`, bagFiles([{ path: long, bytes: Buffer.from('x') }], {}, [], AT), AT);
    expect(untar(archive).has(`record-${'f'.repeat(36)}/${long}`)).toBe(true);
    expect(bagProblems(archive)).toEqual([]);
  });
});
