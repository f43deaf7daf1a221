import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/platform';

/**
 * The direction of imports in a service, as `npm run lint` enforces it: each case is a file
 * placed in a scratch project under the repository's own Biome configuration.
 */
const BIOME = path.join(REPO_ROOT, 'node_modules', '.bin', 'biome');

function lint(files: Record<string, string>): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-rules-'));
  try {
    const config = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'biome.json'), 'utf8'));
    config.$schema = undefined;
    config.vcs = { enabled: false };
    fs.writeFileSync(path.join(dir, 'biome.json'), JSON.stringify(config));
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    const run = spawnSync(BIOME, ['lint', '--max-diagnostics=50', 'lambda'], { cwd: dir, encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('import rules of a service', () => {
  it.each([
    [
      'a domain file importing the AWS SDK',
      'lambda/x/domain/rule.ts',
      "import { GetCommand } from '@aws-sdk/lib-dynamodb';\n\nexport const x = GetCommand;\n",
      /never calls AWS/,
    ],
    [
      'a domain file importing a store',
      'lambda/x/domain/rule.ts',
      "import { y } from '../store/things';\n\nexport const x = y;\n",
      /depends on nothing outward/,
    ],
    ['a domain file reading process.env', 'lambda/x/domain/rule.ts', 'export const x = process.env.TABLE;\n', /noProcessEnv/],
    [
      'a store importing a use case',
      'lambda/x/store/things.ts',
      "import { y } from '../app/things';\n\nexport const x = y;\n",
      /never import app/,
    ],
    [
      'a use case importing a store',
      'lambda/x/app/things.ts',
      "import { y } from '../store/things';\n\nexport const x = y;\n",
      /through the interfaces of ports/,
    ],
    [
      'a handler importing the domain',
      'lambda/x/handlers/http.ts',
      "import { y } from '../domain/rule';\n\nexport const x = y;\n",
      /import only app/,
    ],
  ])('refuses %s', (_name, file, text, message) => {
    const result = lint({ [file]: text });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(message);
  });

  it('lets each layer import what it may', () => {
    const result = lint({
      'lambda/x/domain/rule.ts': "import { notFound } from '../../shared/errors';\n\nexport const rule = notFound;\n",
      'lambda/x/store/things.ts': "import { rule } from '../domain/rule';\n\nexport const store = rule;\n",
      'lambda/x/app/things.ts': "import { rule } from '../domain/rule';\n\nexport const useCase = rule;\n",
      'lambda/x/handlers/http.ts': "import { useCase } from '../app/things';\n\nexport const handler = useCase;\n",
    });
    expect(result.output).not.toMatch(/noRestrictedImports|noProcessEnv/);
    expect(result.status).toBe(0);
  });
});
