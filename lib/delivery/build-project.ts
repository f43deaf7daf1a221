import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge, wildcardResourceFinding } from '../compliance/acknowledge';
import { ManagedPolicyRole } from '../constructs/managed-policy-role';

export interface BuildProjectProps {
  /** The pinned CodeBuild image, like `aws/codebuild/standard:7.0`. */
  readonly image: string;
  readonly commands: readonly string[];
  /** Encrypts the project's artifacts and logs. */
  readonly key: kms.IKey;
  /** The pipeline's artifact bucket, which the project reads its input from and writes its output to. */
  readonly artifactBucket: s3.IBucket;
  readonly logRetention: logs.RetentionDays;
  /** @default - no output artifact files */
  readonly outputDirectory?: string;
  /** @default Duration.minutes(60) */
  readonly timeout?: Duration;
}

/**
 * A CodeBuild project of the pipeline: a pinned image without privileged mode (nothing builds
 * containers), its artifacts and logs encrypted with the pipeline's key, its logs in a
 * retained log group, and its grants in a customer-managed policy of its own role.
 */
export class BuildProject extends Construct {
  public readonly project: codebuild.PipelineProject;
  public readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: BuildProjectProps) {
    super(scope, id);
    this.role = new ManagedPolicyRole(this, 'Role', { assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com') });
    const logGroup = new logs.LogGroup(this, 'Logs', {
      encryptionKey: props.key,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.project = new codebuild.PipelineProject(this, 'Resource', {
      role: this.role,
      encryptionKey: props.key,
      timeout: props.timeout ?? Duration.minutes(60),
      environment: {
        buildImage: codebuild.LinuxBuildImage.fromCodeBuildImageId(props.image),
        computeType: codebuild.ComputeType.MEDIUM,
        privileged: false,
      },
      logging: { cloudWatch: { logGroup } },
      buildSpec: codebuild.BuildSpec.fromObject({
        version: '0.2',
        env: { variables: { CDK_DISABLE_CLI_TELEMETRY: 'true', CI: 'true' } },
        phases: { build: { commands: props.commands } },
        ...(props.outputDirectory ? { artifacts: { 'base-directory': props.outputDirectory, files: ['**/*'] } } : {}),
      }),
    });
    acknowledge(
      this.project,
      ['HIPAA.Security-CodeBuildProjectSourceRepoUrl', 'PCI.DSS.321-CodeBuildProjectSourceRepoUrl'],
      "The project's source is CodePipeline: it has no repository URL or credentials of its own and builds the source stage's artifact, fetched by the pipeline's source action.",
    );
    acknowledgePipelineGrants(this.role, props.artifactBucket);
    const stack = Stack.of(this);
    const name = this.project.projectName;
    acknowledge(
      this.role,
      [
        wildcardResourceFinding(this, stack.formatArn({ service: 'codebuild', resource: 'report-group', resourceName: `${name}-*` })),
        wildcardResourceFinding(
          this,
          `${stack.formatArn({ service: 'logs', resource: 'log-group', arnFormat: ArnFormat.COLON_RESOURCE_NAME, resourceName: `/aws/codebuild/${name}` })}:*`,
        ),
      ],
      "CodeBuild's own grants to the project: its report groups and its default log streams, both named after this one project.",
    );
  }
}

/** Actions CodePipeline grants on its artifact bucket and key, each wildcard covering one bucket's object operations. */
const ARTIFACT_GRANT_FINDINGS = [
  's3:GetObject*',
  's3:GetBucket*',
  's3:List*',
  's3:DeleteObject*',
  's3:Abort*',
  'kms:GenerateDataKey*',
  'kms:ReEncrypt*',
].map((action) => `AwsSolutions-IAM5[Action::${action}]`);

/**
 * Acknowledges the grants CodePipeline gives a role on its artifact bucket: the bucket's
 * objects, with CDK's read and write action groups, and its key.
 */
export function acknowledgePipelineGrants(role: iam.IRole, artifactBucket: s3.IBucket): void {
  acknowledge(
    role,
    [...ARTIFACT_GRANT_FINDINGS, wildcardResourceFinding(role, artifactBucket.arnForObjects('*'))],
    "Artifacts are named by CodePipeline at run time; the grants cover the objects of the pipeline's own artifact bucket, encrypted by its own key, and no other bucket.",
  );
}
