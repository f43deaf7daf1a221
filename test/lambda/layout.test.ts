import * as fs from 'node:fs';
import * as path from 'node:path';
import { type RegisteredService, SERVICES } from '../../lambda/registry';
import { REPO_ROOT } from '../helpers/platform';

/** What every service folder holds: the one skeleton (README, "How a service is written"). */
const SKELETON = ['routes.ts', 'storage.ts', 'errors.ts', 'ports.ts', 'compose.ts', 'handlers', 'app', 'domain', 'store'];
/** Only a service that keeps data has demo data to seed. */
const SEED = 'seed.ts';
/** Only a service whose code runs as a trigger in another stack declares it, and builds its ports apart. */
const TRIGGERS = ['triggers.ts', 'compose-triggers.ts'];

const LAMBDA = path.join(REPO_ROOT, 'lambda');
const serviceFolders = fs
  .readdirSync(LAMBDA, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'shared')
  .map((e) => e.name);

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

describe('the service skeleton', () => {
  it('has a folder for every registered service and a registration for every folder', () => {
    expect(serviceFolders.sort()).toEqual(Object.keys(SERVICES).sort());
  });

  it.each(serviceFolders)('%s has exactly the skeleton at its top level (and its docs)', (name) => {
    const service: RegisteredService = SERVICES[name as keyof typeof SERVICES];
    const keepsData = service.storage.tables.length + service.storage.buckets.length > 0;
    const hasTriggers = Object.keys(service.triggers ?? {}).length > 0;
    const expected = [...SKELETON, ...(keepsData ? [SEED] : []), ...(hasTriggers ? TRIGGERS : [])].sort();
    const entries = fs.readdirSync(path.join(LAMBDA, name)).filter((e) => !e.endsWith('.md'));
    expect(entries.sort()).toEqual(expected);
  });

  it.each(serviceFolders)('%s has one handler file per declared function and authorizer, and no other', (name) => {
    const service: RegisteredService = SERVICES[name as keyof typeof SERVICES];
    const { definition } = service;
    const declared = [
      ...Object.values(definition.functions),
      ...Object.values(definition.authorizers ?? {}).map((a) => a.entry),
      ...Object.values(service.triggers ?? {}).map((t) => t.entry),
    ];
    for (const entry of declared) expect(entry).toMatch(new RegExp(`^lambda/${name}/handlers/[\\w-]+\\.ts$`));
    const files = fs.readdirSync(path.join(LAMBDA, name, 'handlers')).map((f) => `lambda/${name}/handlers/${f}`);
    expect(files.sort()).toEqual([...new Set(declared)].sort());
  });

  it('leaves handler paths to the declarations: nothing in lib/, bin/ or bench/ names one', () => {
    const offenders = ['lib', 'bin', 'bench']
      .flatMap((dir) => filesUnder(path.join(REPO_ROOT, dir)))
      .filter((file) => /\.(ts|mjs)$/.test(file))
      .filter((file) => /lambda\/[\w-]+\/handlers\//.test(fs.readFileSync(file, 'utf8')));
    expect(offenders.map((f) => path.relative(REPO_ROOT, f))).toEqual([]);
  });
});
