import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/**
 * Flow logs into the log archive, as Parquet in hourly, Hive-style partitions so they can be
 * queried in place. Every packet is recorded, accepted or rejected.
 */
export function archiveFlowLog(scope: Construct, id: string, resourceType: ec2.FlowLogResourceType, bucket: s3.IBucket): ec2.FlowLog {
  const isVpc = resourceType.resourceType === 'VPC';
  const flowLog = new ec2.FlowLog(scope, id, {
    resourceType,
    destination: ec2.FlowLogDestination.toS3(bucket, undefined, {
      fileFormat: ec2.FlowLogFileFormat.PARQUET,
      hiveCompatiblePartitions: true,
      perHourPartition: true,
    }),
    // Transit Gateway flow logs record all traffic and take no traffic type.
    trafficType: isVpc ? ec2.FlowLogTrafficType.ALL : undefined,
    maxAggregationInterval: ec2.FlowLogMaxAggregationInterval.ONE_MINUTE,
  });
  // The construct writes the destination options in camelCase; CloudFormation's schema (and
  // cfn-lint) name them in PascalCase.
  (flowLog.node.defaultChild as ec2.CfnFlowLog).destinationOptions = {
    FileFormat: 'parquet',
    HiveCompatiblePartitions: true,
    PerHourPartition: true,
  };
  return flowLog;
}
