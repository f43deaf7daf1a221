import { Stack } from 'aws-cdk-lib';
import * as codecommit from 'aws-cdk-lib/aws-codecommit';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as actions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { acknowledge, wildcardResourceFinding } from '../compliance/acknowledge';
import { ManagedPolicyRole } from '../constructs/managed-policy-role';
import { PlatformKey } from '../constructs/platform-key';
import { SecureBucket } from '../constructs/secure-bucket';
import { CDK_QUALIFIER } from '../contract/roles';
import { readParameter } from '../contract/ssm';
import { PlatformStack, type PlatformStackProps } from '../platform-stack';
import { acknowledgePipelineGrants, BuildProject } from './build-project';
import type { DeploymentStep } from './deployment-order';

export interface PipelineStackProps extends Omit<PlatformStackProps, 'area' | 'home'> {
  /** The platform's stacks in the order they deploy. */
  readonly steps: readonly DeploymentStep[];
  /** The config the pipeline synthesizes, relative to the repository root. */
  readonly configPath: string;
}

/** What the synth step runs: every check a change must pass; any failure stops the pipeline. */
export const SYNTH_COMMANDS = [
  'npm ci',
  'npm run build',
  'npm run lint',
  'npm test',
  // The compliance gate (four cdk-nag packs, Control Tower's controls, CDK's linter) runs inside synth.
  'npx cdk synth --quiet --no-notices -c config=$PLATFORM_CONFIG',
  'npm run lint:templates',
];

/**
 * The delivery pipeline: source, synth with every check, self-update, a review of every stack's
 * change set, a manual approval, then the platform's stacks in dependency order.
 *
 * Built with CodePipeline and CodeBuild rather than CDK Pipelines: CDK Pipelines deploys only
 * stacks inside `Stage`s, and the platform's stacks are composed directly on the app, with
 * their construct paths and the compliance gate built around that. Each deploy action here
 * runs `cdk deploy` of named stacks from the synthesized cloud assembly instead.
 */
export class PipelineStack extends PlatformStack {
  public readonly pipeline: codepipeline.Pipeline;

  constructor(scope: Construct, id: string, props: PipelineStackProps) {
    // In organization mode the pipeline lives in the deployment account, which every account's
    // CDK bootstrap trusts (`cdk bootstrap --trust`).
    super(scope, id, { ...props, area: 'Pipeline', home: 'deployment' });
    const delivery = this.config.delivery;
    const source = delivery.source;
    if (!source) throw new Error('delivery.source is required when the pipeline is enabled.');
    const prefix = this.config.platform.prefix;
    const configPath = props.configPath;

    const key = new PlatformKey(this, 'ArtifactKey', {
      purpose: 'Delivery pipeline artifacts, build logs and approval notifications',
      alias: `${prefix}/pipeline`,
      allowCloudWatchLogs: true,
    });
    const accessLogs = s3.Bucket.fromBucketName(this, 'AccessLogs', readParameter(this, this.parameterNames.accessLogsBucketName));
    const artifacts = new SecureBucket(this, 'Artifacts', {
      encryptionKey: key,
      serverAccessLogsBucket: accessLogs,
      noncurrentVersionDays: 30,
    });
    const pipelineRole = new ManagedPolicyRole(this, 'PipelineRole', {
      assumedBy: new iam.ServicePrincipal('codepipeline.amazonaws.com'),
    });
    this.pipeline = new codepipeline.Pipeline(this, 'Pipeline', {
      pipelineName: `${prefix}-platform`,
      pipelineType: codepipeline.PipelineType.V2,
      artifactBucket: artifacts,
      role: pipelineRole,
      restartExecutionOnUpdate: true,
    });

    acknowledgePipelineGrants(pipelineRole, artifacts);

    const sourceOutput = new codepipeline.Artifact('Source');
    this.pipeline.addStage({ stageName: 'Source', actions: [this.sourceAction(source, sourceOutput, pipelineRole)] });

    const project = (name: string, commands: readonly string[], outputDirectory?: string) => {
      const build = new BuildProject(this, name, {
        image: delivery.buildImage,
        commands,
        key,
        artifactBucket: artifacts,
        logRetention: this.logRetention,
        outputDirectory,
      });
      return build;
    };
    const env = { PLATFORM_CONFIG: { value: configPath } };

    const synthOutput = new codepipeline.Artifact('Synth');
    const synth = project('Synth', SYNTH_COMMANDS, 'cdk.out');
    this.pipeline.addStage({
      stageName: 'Synth',
      actions: [
        new actions.CodeBuildAction({
          actionName: 'Synth',
          project: synth.project,
          input: sourceOutput,
          outputs: [synthOutput],
          environmentVariables: env,
          role: pipelineRole,
        }),
      ],
    });

    const assembly = '$CODEBUILD_SRC_DIR_Synth';
    const deploy = (stacks: readonly string[]) => [
      'npm ci',
      `npx cdk deploy --app ${assembly} --require-approval never --no-notices --concurrency 4 ${stacks.join(' ')}`,
    ];
    const deployAction = (name: string, stacks: readonly string[], accounts?: readonly string[]) => {
      const build = project(`Deploy${name}`, deploy(stacks));
      this.allowCdkDeploy(build.role, accounts);
      return new actions.CodeBuildAction({
        actionName: name,
        project: build.project,
        input: sourceOutput,
        extraInputs: [synthOutput],
        role: pipelineRole,
      });
    };

    // Self-mutation: the pipeline updates itself first, then restarts on its new definition.
    this.pipeline.addStage({ stageName: 'UpdatePipeline', actions: [deployAction('SelfMutate', [id])] });

    const allStacks = props.steps.flatMap((s) => s.stacks);
    const review = project(
      'Review',
      [
        'npm ci',
        'mkdir -p review',
        `npx cdk diff --app ${assembly} --no-notices ${allStacks.join(' ')} | tee review/diff.txt`,
        `npx cdk deploy --app ${assembly} --method=prepare-change-set --change-set-name pipeline-review --require-approval never --no-notices ${allStacks.join(' ')}`,
        'bash scripts/describe-change-sets.sh pipeline-review review/change-sets',
        // A refused change set fails the build, so the pipeline stops before the approval.
        'npx tsx scripts/review-change-sets.ts review/change-sets/*.json > review/summary.txt || { cat review/summary.txt; exit 1; }',
        'cat review/summary.txt',
      ],
      'review',
    );
    this.allowCdkDeploy(review.role, [...new Set(props.steps.flatMap((s) => s.accounts ?? []))]);
    review.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['cloudformation:DescribeChangeSet'],
        resources: [Stack.of(this).formatArn({ service: 'cloudformation', resource: 'stack', resourceName: `${prefix}-*/*` })],
      }),
    );
    review.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['cloudformation:ListStacks'], resources: ['*'] }));
    acknowledge(
      review.role,
      [
        'AwsSolutions-IAM5[Resource::*]',
        wildcardResourceFinding(
          review.role,
          Stack.of(this).formatArn({ service: 'cloudformation', resource: 'stack', resourceName: `${prefix}-*/*` }),
        ),
      ],
      "The review reads the change sets of the platform's own stacks (named with its prefix); ListStacks has no resource-level permissions. Neither action changes anything.",
    );
    const reviewOutput = new codepipeline.Artifact('Review');
    this.pipeline.addStage({
      stageName: 'Review',
      actions: [
        new actions.CodeBuildAction({
          actionName: 'ChangeSets',
          project: review.project,
          input: sourceOutput,
          extraInputs: [synthOutput],
          outputs: [reviewOutput],
          role: pipelineRole,
        }),
      ],
    });

    this.pipeline.addStage({
      stageName: 'Approve',
      actions: [
        new actions.ManualApprovalAction({
          actionName: 'Production',
          notificationTopic: this.approvalTopic(key),
          additionalInformation: 'Read the change-set summary (Review artifact, summary.txt): security-relevant changes are listed first.',
          role: pipelineRole,
        }),
      ],
    });

    for (const step of props.steps) {
      this.pipeline.addStage({
        stageName: step.name,
        actions: [deployAction(step.name.replace(/-/g, ''), step.stacks, step.accounts)],
      });
    }

    const alarmTopic = sns.Topic.fromTopicArn(this, 'AlarmTopic', readParameter(this, this.parameterNames.alarmTopicArn));
    const stateChange = this.pipeline.onStateChange('StateChange', {
      target: new targets.SnsTopic(alarmTopic),
      eventPattern: { detail: { state: ['FAILED', 'SUCCEEDED', 'STOPPED'] } },
      description: 'Pipeline executions that end, to the platform alarm topic.',
    });
    acknowledge(
      stateChange,
      'Annotation::@aws-cdk/aws-events:ruleUnresolvedEnvironment',
      "The alarm topic's ARN is read from SSM at deployment: it is the security baseline's topic of this same account and region.",
    );
  }

  private sourceAction(
    source: NonNullable<PipelineStack['config']['delivery']['source']>,
    output: codepipeline.Artifact,
    role: iam.IRole,
  ): codepipeline.IAction {
    switch (source.kind) {
      case 'codeconnections': {
        const [owner, repo] = source.repository.split('/');
        return new actions.CodeStarConnectionsSourceAction({
          actionName: 'Source',
          connectionArn: source.connectionArn,
          owner,
          repo,
          branch: source.branch,
          output,
          role,
        });
      }
      case 'codecommit':
        return new actions.CodeCommitSourceAction({
          actionName: 'Source',
          repository: codecommit.Repository.fromRepositoryName(this, 'Repository', source.repository),
          branch: source.branch,
          output,
          role,
        });
      case 's3':
        return new actions.S3SourceAction({
          actionName: 'Source',
          bucket: s3.Bucket.fromBucketName(this, 'SourceBucket', source.bucket),
          bucketKey: source.key,
          output,
          role,
          trigger: actions.S3Trigger.EVENTS,
        });
    }
  }

  /** The approvers' topic: the one named in config, or one of the pipeline's with their e-mails. */
  private approvalTopic(key: PlatformKey): sns.ITopic {
    const approvers = this.config.delivery.approvers;
    if (approvers.topicArn) return sns.Topic.fromTopicArn(this, 'ApprovalTopic', approvers.topicArn);
    const topic = new sns.Topic(this, 'ApprovalTopic', { masterKey: key, enforceSSL: true });
    for (const email of approvers.emails) topic.addSubscription(new subscriptions.EmailSubscription(email));
    return topic;
  }

  /**
   * A deploy project assumes the CDK bootstrap roles of the accounts its stacks deploy to (this
   * account's when they name none), which deploy the stacks; in another account they trust this
   * one through `cdk bootstrap --trust`.
   */
  private allowCdkDeploy(role: iam.Role, accounts: readonly string[] = []): void {
    const { account, partition } = Stack.of(this);
    // Other accounts' roles in one statement whatever their number, so that a policy stays far
    // under IAM's size limit: any bootstrap role, of the accounts the condition lists.
    const crossAccount = accounts.some((a) => a !== account);
    const bootstrapRoles = crossAccount
      ? `arn:${partition}:iam::*:role/cdk-${CDK_QUALIFIER}-*`
      : `arn:${partition}:iam::${account}:role/cdk-${CDK_QUALIFIER}-*-${account}-*`;
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['sts:AssumeRole'],
        resources: [bootstrapRoles],
        conditions: crossAccount ? { StringEquals: { 'aws:ResourceAccount': [...accounts] } } : undefined,
      }),
    );
    acknowledge(
      role,
      [wildcardResourceFinding(role, bootstrapRoles)],
      crossAccount
        ? "The CDK bootstrap roles of exactly the accounts this step deploys to (the aws:ResourceAccount condition lists them), in every region the platform deploys to; they alone hold deployment rights, bounded by each account's bootstrap execution policy and its trust of this account."
        : 'The CDK bootstrap roles of this account (deploy, file and image publishing, lookup) in every region the platform deploys to; they alone hold deployment rights, bounded by the bootstrap execution policy.',
    );
  }
}
