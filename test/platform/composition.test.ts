import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildPlatform } from '../../lib/platform';
import { defaultConfig, REPO_ROOT, unitTestApp } from '../helpers/platform';

/** How the platform puts its stacks together; built, not synthesized. */
describe('composition of the platform', () => {
  const config = defaultConfig();
  // FEHD is entitled to the catalogue alone; the others to every service.
  const departments = config.departments.map((d) => (d.code === 'FEHD' ? { ...d, services: ['platform'] } : d));
  const platform = buildPlatform(unitTestApp(), { ...config, departments });
  const dependencies = (id: string) =>
    [...platform.departments, ...Object.values(platform.services)]
      .find((s) => s.node.id === id)
      ?.dependencies.map((s) => s.node.id)
      .sort();

  it('orders a department after exactly what it reads: the hub, the endpoints, the log archive and its services', () => {
    expect(dependencies('Dept-FEHD')).toEqual(['NetworkEndpoints', 'NetworkHub', 'Security', 'Service-platform']);
    expect(dependencies('Dept-TD')).toEqual(
      [
        'NetworkEndpoints',
        'NetworkHub',
        'Security',
        ...(config.departments.find((d) => d.code === 'TD')?.services ?? []).map((s) => `Service-${s}`),
      ].sort(),
    );
  });

  it('does not make a department wait for a service it is not entitled to', () => {
    expect(dependencies('Dept-FEHD')).not.toContain('Service-pay');
    expect(dependencies('Dept-FEHD')).not.toContain('Service-notify');
  });

  it("builds the stacks a service brings of its own from its blueprint, and deploys the service's stack after them", () => {
    expect(platform.serviceExtras.map((s) => s.node.id)).toEqual(['Notify-Email']);
    expect(platform.serviceExtras[0].region).toBe(config.notify.emailRegion);
    expect(dependencies('Service-notify')).toContain('Notify-Email');
    expect(dependencies('Service-pay')).not.toContain('Notify-Email');
  });

  it('names no service in the composition', () => {
    const source = fs.readFileSync(path.join(REPO_ROOT, 'lib', 'platform.ts'), 'utf8');
    for (const service of config.services.enabled)
      expect(source).not.toMatch(new RegExp(`['"\`.]${service}['"\`]|services\\.${service}\\b`));
    expect(source).not.toMatch(/lambda\/(?!registry)/);
  });
});
