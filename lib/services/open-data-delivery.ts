import { Aws, CfnOutput } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { OPEN_DATA_BASE } from '../../lambda/open-data/routes';
import { OPEN_DATA_BUCKETS } from '../../lambda/open-data/storage';
import { OpenDataFileDistribution } from './open-data-file-distribution';
import type { ServiceStack } from './service-stack';

/**
 * What the open data portal needs beyond its API: CloudFront in front of the published files,
 * and the two addresses its functions put in links. Download links point at the API, which
 * counts each download and redirects to the file on CloudFront (OPEN_DATA_DOWNLOAD_URL); the
 * API's own address (OPEN_DATA_SITE_URL) is fixed here rather than taken from each request, so
 * stored links and archive entries stay the same whichever host name a caller used.
 */
export function addOpenDataDelivery(stack: ServiceStack): void {
  const files = new OpenDataFileDistribution(stack, 'Files', { bucket: stack.buckets[OPEN_DATA_BUCKETS.resources] });
  // The stage's name as declared; its resource's Ref would make the functions depend on the
  // deployment, which depends on them.
  const stageName = (stack.api.stage.node.defaultChild as apigateway.CfnStage).stageName;
  const siteUrl = `https://${stack.api.api.restApiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}/${stageName}${OPEN_DATA_BASE}`;
  for (const fn of Object.values(stack.functions)) {
    fn.function.addEnvironment('OPEN_DATA_DOWNLOAD_URL', files.url);
    fn.function.addEnvironment('OPEN_DATA_SITE_URL', siteUrl);
  }
  new CfnOutput(stack, 'FileDeliveryUrl', { value: files.url, description: 'CloudFront address of published open data files' });
}
