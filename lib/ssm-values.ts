import { Stack } from 'aws-cdk-lib';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import type { IConstruct } from 'constructs';

/**
 * The value of an SSM parameter another stack publishes, as a dynamic reference
 * (`{{resolve:ssm:…}}`) resolved when the stack deploys. Unlike a stack parameter it is a plain
 * string in the template, so Control Tower's controls can check the property it fills (a bucket
 * name, a key ARN, a subnet id), it does not count towards the 200 parameters of a template, and
 * an unused one is nothing the template linter would flag. One per name and stack.
 */
export function ssmValue(scope: IConstruct, parameterName: string): string {
  const stack = Stack.of(scope);
  const id = `Ssm${parameterName.replace(/[^A-Za-z0-9]/g, '')}`;
  const existing = stack.node.tryFindChild(id) as ssm.IStringParameter | undefined;
  return (existing ?? ssm.StringParameter.fromStringParameterAttributes(stack, id, { parameterName, forceDynamicReference: true }))
    .stringValue;
}
