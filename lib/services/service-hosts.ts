import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import { Construct } from 'constructs';
import type { ServiceDefinition } from '../../lambda/shared/route';
import type { PlatformConfig } from '../config/schema';
import { readParameter } from '../contract/ssm';
import type { PlatformStack } from '../platform-stack';
import { hostedZone, serviceHost, sharedHost } from '../shared-services/services-domain';

export interface ServiceHostsProps {
  readonly definition: ServiceDefinition;
  readonly domain: NonNullable<PlatformConfig['platform']['domain']>;
  readonly stage: apigateway.Stage;
}

/**
 * Where callers reach a public service under the platform's domain: the root of a host of its
 * own (`notify.<domain>/v2/...`, as the clients of a standard that join paths to the root expect)
 * and its base path on the shared host (`api.<domain>/notify/v2/...`). Both map to the one API,
 * which is built relative to the base path.
 */
export class ServiceHosts extends Construct {
  public readonly ownHost: apigateway.DomainName;

  constructor(scope: PlatformStack, id: string, props: ServiceHostsProps) {
    super(scope, id);
    const { definition, domain, stage } = props;
    const certificate = acm.Certificate.fromCertificateArn(
      this,
      'Certificate',
      readParameter(this, scope.parameterNames.servicesCertificateArn),
    );
    this.ownHost = new apigateway.DomainName(this, 'OwnHost', {
      domainName: serviceHost(domain, definition.name),
      certificate,
      endpointType: apigateway.EndpointType.REGIONAL,
      securityPolicy: apigateway.SecurityPolicy.TLS_1_2,
      mapping: stage.restApi,
    });
    new apigateway.CfnBasePathMapping(this, 'SharedHostMapping', {
      domainName: sharedHost(domain),
      basePath: definition.basePath.slice(1),
      restApiId: stage.restApi.restApiId,
      stage: stage.stageName,
    });
    const zone = hostedZone(this, 'Zone', domain);
    if (zone) {
      new route53.ARecord(this, 'OwnHostRecord', {
        zone,
        recordName: serviceHost(domain, definition.name),
        target: route53.RecordTarget.fromAlias(new targets.ApiGatewayDomain(this.ownHost)),
      });
    }
  }
}
