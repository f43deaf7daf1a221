/** What a synthesized template reads from and writes to SSM Parameter Store. */

/** The template parameter `cdk bootstrap` publishes and every template reads, outside the platform. */
export const BOOTSTRAP_VERSION_PARAMETER = 'BootstrapVersion';

const DYNAMIC_REFERENCE = /\{\{resolve:ssm:([^}:]+)(?::\d+)?\}\}/g;

/**
 * Every SSM parameter name a template reads, once each, sorted: dynamic references
 * (`{{resolve:ssm:NAME}}`) anywhere in it, and the defaults of its SSM-typed template
 * parameters (`AWS::SSM::Parameter::Value<…>`), the bootstrap version's aside.
 */
export function ssmReads(template: any): string[] {
  const names = new Set<string>();
  for (const match of JSON.stringify(template).matchAll(DYNAMIC_REFERENCE)) names.add(match[1]);
  for (const [id, parameter] of Object.entries((template.Parameters ?? {}) as Record<string, { Type?: string; Default?: string }>)) {
    if (id !== BOOTSTRAP_VERSION_PARAMETER && String(parameter.Type).startsWith('AWS::SSM::Parameter::Value') && parameter.Default) {
      names.add(parameter.Default);
    }
  }
  return [...names].sort();
}

/** Every SSM parameter name a template publishes (`AWS::SSM::Parameter`), sorted. */
export function ssmPublished(template: any): string[] {
  return Object.values((template.Resources ?? {}) as Record<string, { Type: string; Properties?: { Name?: unknown } }>)
    .filter((r) => r.Type === 'AWS::SSM::Parameter' && typeof r.Properties?.Name === 'string')
    .map((r) => r.Properties?.Name as string)
    .sort();
}

/** The names read by some template that no template publishes, sorted. */
export function unpublishedReads(templates: readonly any[]): string[] {
  const published = new Set(templates.flatMap(ssmPublished));
  return [...new Set(templates.flatMap(ssmReads))].filter((name) => !published.has(name)).sort();
}

/** How many dynamic references a template holds; CloudFormation accepts at most 60. */
export function dynamicReferenceCount(template: any): number {
  return [...JSON.stringify(template).matchAll(DYNAMIC_REFERENCE)].length;
}
