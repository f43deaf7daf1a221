import { limitBreaches, stackFigures } from '../../lib/compliance/stack-limits';
import { buildPlatform } from '../../lib/platform';
import { defaultConfig, unitTestApp } from '../helpers/platform';

describe('stack limits', () => {
  const app = unitTestApp();
  buildPlatform(app, defaultConfig());
  const assembly = app.synth();

  it('keeps every stack of the default platform inside CloudFormation limits', () => {
    expect(assembly.stacks.length).toBeGreaterThan(0);
    for (const stack of assembly.stacks) {
      expect(limitBreaches(stackFigures(stack.stackName, stack.template))).toEqual([]);
    }
  });

  it('names the stack and the figure when a limit is broken', () => {
    const resources = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`R${i}`, {}]));
    expect(limitBreaches(stackFigures('gcp-Huge', { Resources: resources }))).toEqual([
      "gcp-Huge has 501 resources, over CloudFormation's limit of 500",
    ]);
  });
});
