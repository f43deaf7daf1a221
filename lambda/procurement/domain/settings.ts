import * as z from 'zod';

/**
 * The procurement service's settings, from the platform config's `procurement` section. The CDK
 * stack and local mode pass them to the functions as one JSON environment variable, parsed by
 * this same schema, so a default is written once.
 */
export const procurementSettingsSchema = z.strictObject({
  /**
   * The OCDS ocid prefix: `ocds-` and six letters or digits, as the OCDS helpdesk registers them.
   * Every ocid is this prefix, `-` and the tender's id.
   * @default 'ocds-hkegov' - a placeholder: register the government's own prefix before publishing
   */
  ocidPrefix: z
    .string()
    .regex(/^ocds-[a-z0-9]{6}$/, 'write a registered OCDS prefix like ocds-213czf: ocds- and six lower-case letters or digits')
    .default('ocds-hkegov'),
  /** Who publishes the OCDS data, as its packages name them. @default 'Government of the Hong Kong SAR' */
  publisherName: z.string().trim().min(3).max(200).default('Government of the Hong Kong SAR'),
  /**
   * Estimated value, in Hong Kong dollars, at and above which a tender is covered by the WTO
   * Agreement on Government Procurement (its threshold for goods and services, converted from SDR
   * as gazetted for the period).
   * @default 1300000
   */
  gpaThresholdHkd: z.int().min(1).default(1_300_000),
  /** Fewest whole days between publication and the closing time of a tender. */
  minimumTenderingDays: z
    .strictObject({
      /** A tender covered by the GPA (its Article XI:3 standard period). @default 40 */
      covered: z.int().min(1).max(365).default(40),
      /** A covered tender announced by a notice of planned procurement. @default 25 */
      coveredWithPlannedNotice: z.int().min(1).max(365).default(25),
      /** A tender below the GPA threshold. @default 21 */
      belowThreshold: z.int().min(1).max(365).default(21),
    })
    .prefault({}),
  /** Minutes within which a second officer must confirm an opening the first one asked for. @default 30 */
  openingConfirmationMinutes: z.int().min(1).max(1440).default(30),
});

export type ProcurementSettings = z.output<typeof procurementSettingsSchema>;

/** The settings of a platform that says nothing about procurement. */
export const DEFAULT_SETTINGS: ProcurementSettings = procurementSettingsSchema.parse({});
