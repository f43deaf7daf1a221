import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BUNDLE_CACHE_ENV, bundleEntries, declaredEntries } from '../../lib/constructs/function-bundle';

describe('function bundles', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-test-'));
  const entry = path.join(work, 'handler.ts');
  const dependency = path.join(work, 'greeting.ts');
  beforeAll(() => {
    process.env[BUNDLE_CACHE_ENV] = path.join(work, 'cache');
    fs.writeFileSync(dependency, "export const greeting = 'hello';\n");
    fs.writeFileSync(entry, "import { greeting } from './greeting';\nexport const handler = async () => greeting;\n");
  });
  afterAll(() => {
    delete process.env[BUNDLE_CACHE_ENV];
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('reuses a build while no file it read has changed, and builds again when one has', () => {
    const first = bundleEntries([entry]);
    expect(Object.keys(first.inputs).some((file) => file.endsWith('greeting.ts'))).toBe(true);
    expect(bundleEntries([entry]).outdir).toBe(first.outdir);

    fs.writeFileSync(dependency, "export const greeting = 'goodbye';\n");
    const second = bundleEntries([entry]);
    expect(second.outdir).not.toBe(first.outdir);
    expect(fs.readFileSync(path.join(second.outdir, second.outputs[entry]), 'utf8')).toContain('goodbye');
  });

  it('builds again when the cache entry is damaged', () => {
    const built = bundleEntries([entry]);
    fs.rmSync(built.outdir, { recursive: true, force: true });
    const rebuilt = bundleEntries([entry]);
    expect(fs.existsSync(path.join(rebuilt.outdir, rebuilt.outputs[entry]))).toBe(true);
  });

  it('knows every handler the services declare, so one build bundles them all', () => {
    const entries = declaredEntries();
    expect(entries.length).toBeGreaterThanOrEqual(5);
    for (const file of entries) expect(fs.existsSync(file)).toBe(true);
  });
});
