import * as path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { type FunctionSettings, routeFunction, type ServiceDefinition } from '../../lambda/shared/route';
import { acknowledge, wildcardResourceFinding } from '../compliance/acknowledge';
import { ServiceFunction } from '../constructs/service-function';
import { PLATFORM_ENVIRONMENT } from '../contract/environment';
import { readParameter } from '../contract/ssm';
import type { PlatformStack } from '../platform-stack';
import { pascalCase } from './pascal-case';
import type { ServiceStorage } from './service-storage';

const REPO_ROOT = path.join(__dirname, '..', '..');

export interface ServiceFunctionsProps {
  /** The service's declaration: its functions with their handler files, schedules and authorizers. */
  readonly definition: ServiceDefinition;
  readonly storage: ServiceStorage;
  /** The service's key, for the functions' logs, environment and dead letters. */
  readonly encryptionKey: kms.IKey;
  readonly vpc: ec2.IVpc;
  /** @default - a new group per function, all outbound allowed */
  readonly securityGroups?: ec2.ISecurityGroup[];
  /** Files bundled next to each handler, by name. @default - none */
  readonly bundledFiles?: Readonly<Record<string, string>>;
}

/**
 * Every function a service declares, built in its stack: one per entry of `functions`, its
 * schedules, and one per authorizer. Each knows the platform's environment and the names of the
 * service's tables and buckets; the declared functions may read and write them (unless their
 * settings say otherwise), the authorizers only read.
 */
export class ServiceFunctions {
  public readonly functions: Record<string, ServiceFunction> = {};
  /** The Lambda authorizers of the service's own auth schemes, by scheme. */
  public readonly authorizers: Record<string, ServiceFunction> = {};

  constructor(
    private readonly stack: PlatformStack,
    private readonly props: ServiceFunctionsProps,
  ) {
    const { definition, storage } = props;
    const environment = { ...platformEnvironment(stack, definition.name), ...storage.environment };
    for (const [name, entry] of Object.entries(definition.functions)) {
      const settings = definition.functionSettings?.[name] ?? {};
      const servesDepartments = Object.values(definition.routes).some((r) => routeFunction(r) === name && r.auth === 'department-officer');
      this.functions[name] = this.function(`${pascalCase(name)}Function`, entry, name, environment, settings, servesDepartments);
      if (servesDepartments) this.readDepartmentKeys(this.functions[name]);
      const access = settings.storageAccess ?? 'read-write';
      if (access !== 'none') storage.grant(this.functions[name].role, access === 'read' ? 'read' : 'readWrite');
    }
    for (const [name, schedule] of Object.entries(definition.schedules ?? {})) {
      new events.Rule(stack, `${pascalCase(name)}Schedule`, {
        description: `${definition.title}: ${schedule.description}`,
        schedule: events.Schedule.expression(schedule.expression),
        targets: [
          new targets.LambdaFunction(this.functions[schedule.function].function, {
            event: schedule.input ? events.RuleTargetInput.fromObject(schedule.input) : undefined,
            retryAttempts: 2,
          }),
        ],
      });
    }
    for (const [scheme, authorizer] of Object.entries(definition.authorizers ?? {})) {
      this.authorizers[scheme] = this.function(`${pascalCase(scheme)}Authorizer`, authorizer.entry, `${scheme} authorizer`, environment);
      storage.grant(this.authorizers[scheme].role, 'read');
    }
  }

  /** The declared functions, then the authorizers. */
  get all(): ServiceFunction[] {
    return [...Object.values(this.functions), ...Object.values(this.authorizers)];
  }

  /**
   * A function serving department routes checks that the API key of a request is the caller's
   * department's: it reads the key ids the department stacks publish, through the extension.
   */
  private readDepartmentKeys(fn: ServiceFunction): void {
    const pattern = this.stack.parameterNames.departmentApiKeyIds;
    const parameters = this.stack.formatArn({ service: 'ssm', resource: 'parameter', resourceName: pattern.slice(1) });
    fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ssm:GetParameter'], resources: [parameters] }));
    acknowledge(
      fn.role,
      wildcardResourceFinding(this.stack, parameters),
      "Reads only the API key ids the department stacks publish, one name per department under the platform's prefix; a department added later is covered without a deploy of this stack.",
    );
  }

  private function(
    id: string,
    entry: string,
    what: string,
    environment: Record<string, string>,
    settings: FunctionSettings = {},
    servesDepartments = false,
  ): ServiceFunction {
    const { props } = this;
    return new ServiceFunction(this.stack, id, {
      parametersExtension: servesDepartments,
      entry: path.join(REPO_ROOT, entry),
      description: `${props.definition.title}: ${what}`,
      memorySize: settings.memorySize,
      timeout: settings.timeoutSeconds === undefined ? undefined : Duration.seconds(settings.timeoutSeconds),
      reservedConcurrency: settings.reservedConcurrency,
      encryptionKey: props.encryptionKey,
      vpc: props.vpc,
      securityGroups: props.securityGroups,
      logRetention: this.stack.logRetention,
      environment: servesDepartments ? { ...environment, [PLATFORM_ENVIRONMENT.departmentApiKeys]: 'parameter-store' } : environment,
      bundledFiles: props.bundledFiles,
    });
  }
}

/** What the platform tells every function of a service (`lib/contract/environment.ts`). */
function platformEnvironment(stack: PlatformStack, service: string): Record<string, string> {
  const names = stack.parameterNames;
  const prefix = stack.config.platform.prefix;
  return {
    [PLATFORM_ENVIRONMENT.serviceName]: service,
    [PLATFORM_ENVIRONMENT.platformPrefix]: prefix,
    [PLATFORM_ENVIRONMENT.citizenTokenIssuer]: readParameter(stack, names.userPoolIssuer('citizen')),
    [PLATFORM_ENVIRONMENT.staffTokenIssuer]: readParameter(stack, names.userPoolIssuer('staff')),
  };
}
