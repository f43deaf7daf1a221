import * as fs from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod';

const priceSchema = z.strictObject({
  usd: z.number().nonnegative(),
  /** The unit the price is per, as the pricing page states it. */
  per: z.string().min(1),
  /** The public page the price was read from. */
  source: z.url(),
  /** False when AWS lists the same price in every commercial region. */
  regional: z.boolean(),
});

const priceFileSchema = z.strictObject({
  region: z.string(),
  currency: z.literal('USD'),
  /** The day the prices were read. */
  asOf: z.iso.date(),
  about: z.string(),
  prices: z.record(z.string(), priceSchema),
});

export type Price = z.infer<typeof priceSchema>;
export type PriceFile = z.infer<typeof priceFileSchema>;

/** The names every region's price file gives a price for: the estimate's whole vocabulary. */
export const PRICE_NAMES = [
  'natGatewayHour',
  'natGatewayGb',
  'publicIpv4Hour',
  'interfaceEndpointAzHour',
  'interfaceEndpointGb',
  'transitGatewayAttachmentHour',
  'transitGatewayGb',
  'vpnConnectionHour',
  'networkFirewallEndpointHour',
  'networkFirewallGb',
  'resolverEndpointEniHour',
  'route53ProfileHour',
  'hostedZoneMonth',
  'dnsFirewallQueriesMillion',
  'dnsFirewallDomainMonth',
  'kmsKeyMonth',
  'secretMonth',
  'alarmStandardMonth',
  'alarmHighResolutionMonth',
  'compositeAlarmMonth',
  'dashboardMonth',
  'logsIngestGb',
  'logsStoreGbMonth',
  'vendedLogsS3Gb',
  'configItem',
  'configRuleEvaluation',
  'guardDutyManagementEventsMillion',
  'guardDutyLogsGb',
  'securityHubCheck',
  'macieBucketMonth',
  'macieObjectsMonitoredHundredThousand',
  'backupWarmGbMonth',
  'wafWebAclMonth',
  'wafRuleMonth',
  'wafRequestsMillion',
  'cognitoEssentialsMau',
  'cognitoPlusMau',
  'cognitoLiteMau',
  'budgetDay',
  'ssmAdvancedParameterMonth',
  'cloudTrailDataEventsHundredThousand',
  'accessAnalyzerUnusedRoleMonth',
  'lambdaRequestsMillion',
  'lambdaArmGbSecond',
  'apiGatewayRestMillion',
  'dynamodbWriteMillion',
  'dynamodbReadMillion',
  'dynamodbStorageGbMonth',
  's3StandardGbMonth',
  's3PutThousand',
  's3GetThousand',
  'sqsMillion',
  'snsPublishMillion',
  'firehoseIngestGb',
  'sesThousandEmails',
  'eventBridgeCustomEventsMillion',
  'pipesRequestsMillion',
  'cloudFrontHttpsTenThousand',
  'codePipelineActionMinute',
  'codeBuildMinute',
] as const;

export type PriceName = (typeof PRICE_NAMES)[number];

/** One region's prices, each looked up by name. */
export class PriceBook {
  constructor(private readonly file: PriceFile) {}

  get region(): string {
    return this.file.region;
  }

  get asOf(): string {
    return this.file.asOf;
  }

  price(name: PriceName): Price {
    const price = this.file.prices[name];
    if (!price) throw new Error(`The price file of ${this.file.region} has no price ${name}.`);
    return price;
  }

  usd(name: PriceName): number {
    return this.price(name).usd;
  }
}

/** The folder of the price files, one `<region>.json` each. */
export const PRICES_DIR = path.join(__dirname, 'prices');

/** Regions that have a price file. */
export function pricedRegions(dir = PRICES_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** Reads and checks a region's price file: every name of PRICE_NAMES priced, nothing else. */
export function loadPriceBook(region: string, dir = PRICES_DIR): PriceBook {
  const file = path.join(dir, `${region}.json`);
  if (!fs.existsSync(file)) {
    throw new Error(`No prices for ${region}: add lib/cost/prices/${region}.json (priced regions: ${pricedRegions(dir).join(', ')}).`);
  }
  const parsed = priceFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  if (parsed.data.region !== region) throw new Error(`${file} says it prices ${parsed.data.region}.`);
  const names = Object.keys(parsed.data.prices);
  const missing = PRICE_NAMES.filter((n) => !names.includes(n));
  const unknown = names.filter((n) => !(PRICE_NAMES as readonly string[]).includes(n));
  if (missing.length > 0 || unknown.length > 0) {
    throw new Error(
      `${file}: ${[missing.length ? `missing ${missing.join(', ')}` : '', unknown.length ? `unknown ${unknown.join(', ')}` : ''].filter(Boolean).join('; ')}`,
    );
  }
  return new PriceBook(parsed.data);
}
