import { Stack } from 'aws-cdk-lib';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import type { Construct, IConstruct } from 'constructs';
import type { ParameterName } from './parameters';

/**
 * The CDK side of the parameter contract: how a stack publishes a value and how another reads
 * it. Kept apart from `parameters.ts` so that code bundled into Lambda never pulls aws-cdk-lib.
 */

/** Names each stack reads, so composition can order stacks by what they read. */
const reads = new WeakMap<Stack, Set<ParameterName>>();

/**
 * The value of an SSM parameter another stack publishes, resolved when this stack deploys.
 *
 * Every read on the platform is a dynamic reference (`{{resolve:ssm:…}}`), never a template
 * parameter of type `AWS::SSM::Parameter::Value<String>`. A dynamic reference is a plain string
 * in the template, so Control Tower's proactive controls can check the property it fills, where
 * a `Ref` to a template parameter hides the value: read as template parameters, the default
 * platform fails 19 of them (CT.LAMBDA.PR.3 on every service function placed in the imported
 * subnets, CT.S3.PR.2 on every bucket logging to the imported access-log bucket, and the KMS
 * control on the log groups encrypted with the imported network key), and the template linter
 * flags the VPC id the imported shared-services VPC declares but never uses. A dynamic
 * reference does not count towards a template's 200 parameters either. What it costs: a
 * template may hold at most 60 of them (a test checks every stack of the default platform; a
 * service function adds about eight: two issuers, its subnets and security group, three
 * alarms), and, as with a template parameter, the value is fetched only when the reading stack
 * deploys, so a changed value reaches a reader at its next update. The values shared this way
 * are long-lived ids, names and ARNs that change only when their resource is replaced.
 *
 * One construct per name and stack, however often the value is read.
 */
export function readParameter(scope: IConstruct, name: ParameterName): string {
  const stack = Stack.of(scope);
  const id = `Ssm${name.replace(/[^A-Za-z0-9]/g, '')}`;
  const existing = stack.node.tryFindChild(id) as ssm.IStringParameter | undefined;
  const names = reads.get(stack) ?? new Set<ParameterName>();
  reads.set(stack, names.add(name));
  return (existing ?? ssm.StringParameter.fromStringParameterAttributes(stack, id, { parameterName: name, forceDynamicReference: true }))
    .stringValue;
}

/** Publishes `value` as the SSM parameter `name`, for other stacks to read. */
export function publishParameter(
  scope: Construct,
  id: string,
  name: ParameterName,
  value: string,
  description?: string,
): ssm.StringParameter {
  return new ssm.StringParameter(scope, id, { parameterName: name, stringValue: value, description });
}

/** The SSM parameters a stack reads through `readParameter`. */
export function parametersRead(stack: Stack): ReadonlySet<ParameterName> {
  return reads.get(stack) ?? new Set();
}

/** The SSM parameters a stack publishes. */
export function parametersPublished(stack: Stack): ReadonlySet<string> {
  const names = stack.node
    .findAll()
    .filter((c): c is ssm.CfnParameter => c instanceof ssm.CfnParameter && Stack.of(c) === stack)
    .map((p) => p.name);
  return new Set(names.filter((n): n is string => typeof n === 'string'));
}

/**
 * Makes each reader deploy after exactly the stacks that publish what it reads, and no others.
 * Fails for a read none of `publishers` publishes: the reader would fail to deploy.
 */
export function dependOnPublishers(readers: readonly Stack[], publishers: readonly Stack[]): void {
  const publisherOf = new Map<string, Stack>();
  for (const stack of publishers) for (const name of parametersPublished(stack)) publisherOf.set(name, stack);
  for (const reader of readers) {
    for (const name of parametersRead(reader)) {
      const publisher = publisherOf.get(name);
      if (!publisher) {
        throw new Error(
          `${reader.node.path} reads the SSM parameter ${name}, which no stack of the platform publishes: publish it, or stop reading it.`,
        );
      }
      if (publisher !== reader) reader.addStackDependency(publisher);
    }
  }
}
