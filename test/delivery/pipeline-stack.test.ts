import * as path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { loadConfig } from '../../lib/config/load';
import { SYNTH_COMMANDS } from '../../lib/delivery/pipeline-stack';
import { buildPlatform } from '../../lib/platform';
import { defaultConfig, REPO_ROOT, unacknowledgedFindings, unitTestApp } from '../helpers/platform';

const config = loadConfig(path.join(REPO_ROOT, 'config', 'hk-government.yaml'));
const app = unitTestApp();
const platform = buildPlatform(app, config);
const pipelineStack = platform.pipeline;
if (!pipelineStack) throw new Error('hk-government.yaml enables the pipeline');
const template = Template.fromStack(pipelineStack);
const stages = template.findResources('AWS::CodePipeline::Pipeline') as Record<
  string,
  {
    Properties: {
      Stages: { Name: string; Actions: { Name: string; ActionTypeId: { Category: string }; Configuration?: Record<string, unknown> }[] }[];
    };
  }
>;
const pipelineStages = Object.values(stages)[0].Properties.Stages;
const stageNames = pipelineStages.map((s) => s.Name);
const waveCount = Math.ceil(config.departments.length / config.delivery.waveSize);

/** The commands of the CodeBuild project behind a stage's first action. */
function commandsOf(stageName: string): string[] {
  const projects = template.findResources('AWS::CodeBuild::Project');
  const stage = pipelineStages.find((s) => s.Name === stageName);
  if (!stage) throw new Error(`no stage ${stageName}`);
  const ref = (stage.Actions[0].Configuration as { ProjectName: { Ref: string } }).ProjectName.Ref;
  const spec = JSON.parse(projects[ref].Properties.Source.BuildSpec as string);
  return spec.phases.build.commands;
}

describe('delivery pipeline', () => {
  test('stages run source, checks, self-update, review, approval, then the platform in dependency order', () => {
    expect(stageNames).toEqual([
      'Source',
      'Synth',
      'UpdatePipeline',
      'Review',
      'Approve',
      'Organization',
      'SecurityDelegation',
      'Security',
      'Network',
      'Services',
      ...Array.from({ length: waveCount }, (_, i) => `Departments-${i + 1}`),
      'Budgets',
    ]);
  });

  test('departments deploy in waves of waveSize, every department once', () => {
    const waves = stageNames.filter((n) => n.startsWith('Departments-')).map((n) => commandsOf(n).join(' '));
    expect(waveCount).toBeGreaterThan(1);
    const deployed = waves.map((cmd) => (cmd.match(/Dept-[A-Z0-9]+/g) ?? []).length);
    expect(deployed.slice(0, -1).every((n) => n === config.delivery.waveSize)).toBe(true);
    expect(deployed.reduce((a, b) => a + b, 0)).toBe(config.departments.length);
    expect(commandsOf('Departments-1').join(' ')).toContain(`Dept-${config.departments[0].code}`);
  });

  test('the synth step runs every check, in order', () => {
    expect(commandsOf('Synth')).toEqual(SYNTH_COMMANDS);
    expect(SYNTH_COMMANDS).toEqual([
      'npm ci',
      'npm run build',
      'npm run lint',
      'npm test',
      expect.stringMatching(/^npx cdk synth /),
      'npm run lint:templates',
    ]);
  });

  test('builds run on the pinned image without privileged mode', () => {
    const projects = Object.values(template.findResources('AWS::CodeBuild::Project'));
    expect(projects.length).toBeGreaterThan(5);
    for (const project of projects) {
      expect(project.Properties.Environment).toMatchObject({ Image: config.delivery.buildImage, PrivilegedMode: false });
      expect(project.Properties.EncryptionKey).toBeDefined();
    }
  });

  test('the review refuses stateful replacements before the approval, which notifies the approvers', () => {
    expect(commandsOf('Review').join('\n')).toMatch(/review-change-sets\.ts/);
    expect(stageNames.indexOf('Review')).toBeLessThan(stageNames.indexOf('Approve'));
    const approve = pipelineStages.find((s) => s.Name === 'Approve')?.Actions[0];
    expect(approve?.ActionTypeId.Category).toBe('Approval');
    expect(approve?.Configuration?.NotificationArn).toBeDefined();
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: config.delivery.approvers.emails[0] });
  });

  test('the pipeline updates itself', () => {
    expect(commandsOf('UpdatePipeline').join(' ')).toMatch(/cdk deploy .* Pipeline$/);
  });

  test('artifacts are encrypted with a customer-managed key and access-logged', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) }),
        ],
      },
      LoggingConfiguration: Match.anyValue(),
    });
  });

  test('executions that end are announced on the platform alarm topic', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ 'detail-type': ['CodePipeline Pipeline Execution State Change'] }),
      Targets: [Match.objectLike({ Arn: Match.stringLikeRegexp('alarm-topic-arn') })],
    });
  });

  test('each deploy step may assume the CDK bootstrap roles of exactly the accounts its stacks deploy to', () => {
    const assumable = Object.values(template.findResources('AWS::IAM::ManagedPolicy')).flatMap((p) =>
      (
        p.Properties.PolicyDocument.Statement as {
          Action: string;
          Resource: unknown;
          Condition?: { StringEquals?: Record<string, string[]> };
        }[]
      )
        .filter((s) => s.Action === 'sts:AssumeRole' && JSON.stringify(s.Resource).includes('cdk-hnb659fds-'))
        .map((s) => s.Condition?.StringEquals?.['aws:ResourceAccount']),
    );
    const firstWave = config.departments.slice(0, config.delivery.waveSize).map((d) => d.account);
    const org = config.organization;
    if (!org) throw new Error('hk-government.yaml is an organization');
    expect(assumable).toContainEqual(firstWave);
    expect(assumable).toContainEqual([org.managementAccount]);
    expect(assumable).toContainEqual([org.accounts.network.account]);
    // The review prepares a change set in every account a stack deploys to: the management, log
    // archive, audit, network and shared-services accounts and every department's.
    expect(assumable.some((accounts) => accounts?.length === config.departments.length + 5)).toBe(true);
    expect(assumable).toContainEqual([org.accounts.logArchive.account, org.accounts.audit.account]);
    // Only the self-update, which deploys the pipeline's own stack, stays in the pipeline's account.
    expect(assumable.filter((accounts) => accounts === undefined)).toHaveLength(1);
  });

  test('no unacknowledged cdk-nag findings', () => {
    expect(unacknowledgedFindings(pipelineStack)).toEqual([]);
  });

  test('the default config builds no pipeline', () => {
    const defaultApp = unitTestApp();
    expect(buildPlatform(defaultApp, defaultConfig()).pipeline).toBeUndefined();
    expect(defaultApp.node.tryFindChild('Pipeline')).toBeUndefined();
  });
});
