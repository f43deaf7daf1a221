import { DEFAULT_ASSUMPTIONS } from '../../lib/cost/assumptions';
import { estimateStack } from '../../lib/cost/estimate';
import { testPrices } from './support';

// Round prices, so the expected figure can be worked out by hand.
const prices = testPrices({
  natGatewayHour: 0.05,
  natGatewayGb: 0.05,
  interfaceEndpointAzHour: 0.01,
  interfaceEndpointGb: 0.01,
  kmsKeyMonth: 1,
  lambdaRequestsMillion: 0.2,
});

const template = {
  Resources: {
    Nat: { Type: 'AWS::EC2::NatGateway', Properties: {} },
    Sts: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcEndpointType: 'Interface', SubnetIds: ['a', 'b'] } },
    S3: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcEndpointType: 'Gateway' } },
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Subnet: { Type: 'AWS::EC2::Subnet', Properties: {} },
    Fn: { Type: 'AWS::Lambda::Function', Properties: { MemorySize: 512 } },
    Queue: { Type: 'AWS::Example::Unknown', Properties: {} },
    Provider: { Type: 'Custom::Lookup', Properties: {} },
  },
};

describe('the estimate of a small stack', () => {
  const estimate = estimateStack({ stack: 'small', region: 'test-region-1', template }, prices, DEFAULT_ASSUMPTIONS);

  it('adds up to the hand-computed monthly baseline', () => {
    // NAT: 730 h × $0.05 + 100 GB × $0.05 = 36.50 + 5.00
    // interface endpoint: 2 AZs × 730 h × $0.01 + 10 GB × $0.01 = 14.60 + 0.10
    // KMS key: $1; gateway endpoint, subnet and custom resource: no charge.
    expect(estimate.monthlyUsd).toBeCloseTo(36.5 + 5 + 14.6 + 0.1 + 1, 6);
    expect(estimate.baseline.map((l) => l.logicalId)).toEqual(['Nat', 'Nat', 'Sts', 'Sts', 'Key']);
  });

  it('writes the arithmetic beside each line', () => {
    expect(estimate.baseline[0]).toMatchObject({ item: 'NAT gateway', assumption: '730 h × $0.05 per unit' });
    expect(estimate.baseline[2].assumption).toBe('2 × 730 h × $0.01 per unit');
  });

  it('lists a type it has no price for, and counts it as nothing', () => {
    expect(estimate.unpriced).toEqual({ 'AWS::Example::Unknown': 1 });
  });

  it('reports functions by their unit prices, outside the baseline', () => {
    expect(estimate.usage.map((u) => u.item)).toEqual(['Lambda requests', 'Lambda compute (512 MB, 200 ms each)']);
    expect(estimate.usage[0]).toMatchObject({ usd: 0.2, resources: 1 });
  });

  it('lists a configuration without a price as unpriced, not free', () => {
    const cached = estimateStack(
      {
        stack: 's',
        region: 'r',
        template: { Resources: { Stage: { Type: 'AWS::ApiGateway::Stage', Properties: { CacheClusterEnabled: true } } } },
      },
      prices,
      DEFAULT_ASSUMPTIONS,
    );
    expect(cached.unpriced).toEqual({ 'AWS::ApiGateway::Stage': 1 });
  });
});
