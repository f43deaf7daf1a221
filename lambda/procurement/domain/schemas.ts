import * as z from 'zod';
import { nextCursorSchema, pageLimitParameter } from '../../shared/cursor';
import { cursorParameter } from '../../shared/sort-key-cursor';
import { nonBlankText } from '../../shared/text';
import { BID_STATES } from './sealed-bid';
import { BRN_PATTERN } from './supplier';
import { CLASSIFICATION_SCHEMES, DOCUMENT_TYPES, MILESTONE_STATES, PROCUREMENT_METHODS, SUBMISSION_METHODS, TENDER_STATES } from './tender';

/** Any character String.prototype.trim keeps, written out, so the document says which texts are blank. */
const text = nonBlankText;
const instant = z.iso.datetime({ offset: true, message: 'write a date-time like 2026-05-30T09:00:00+08:00' });
const bilingual = (max: number) => z.strictObject({ en: text(max), zh: text(max) });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const httpsUrl = z.url({ protocol: /^https$/, message: 'an https URL' }).max(2000);
const classificationId = z.string().regex(/^[0-9]{8}(-[0-9])?$/, 'a CPV code like 30200000-1 or an UNSPSC code like 43211500');
const classification = z.strictObject({ scheme: z.enum(CLASSIFICATION_SCHEMES), id: classificationId });

export const TENDER_ID = /^T-[0-9]{4}-[0-9A-Z]{8}$/;
export const SUPPLIER_ID = /^S-[0-9A-Z]{10}$/;
export const tenderId = z.string().regex(TENDER_ID, 'a tender id like T-2026-AB12CD34');
export const supplierId = z.string().regex(SUPPLIER_ID, 'a supplier id like S-AB12CD34EF');

export const MAX_PAGE_SIZE = 100;
const limit = pageLimitParameter(MAX_PAGE_SIZE);
export const pageQuerySchema = z.strictObject({ cursor: cursorParameter, limit });
export const tenderParams = z.strictObject({ id: tenderId });
export const questionParams = z.strictObject({
  id: tenderId,
  questionId: z.string().regex(/^Q-[0-9A-Z]{8}$/, 'a question id like Q-AB12CD34'),
});

// --- suppliers ---

export const registerSupplierSchema = z.strictObject({
  businessRegistrationNumber: z
    .string()
    .regex(BRN_PATTERN, 'the eight digits that begin the Business Registration Certificate number, like 12345678'),
  name: z.strictObject({ en: text(200), zh: text(200).optional() }),
  contact: z.strictObject({
    name: text(200),
    email: z.email({ message: 'an e-mail address like tenders@example.com.hk' }).max(254),
    telephone: z.string().regex(/^\+?[0-9 ]{8,20}$/, 'a telephone number like +852 2123 4567'),
  }),
  categories: z.array(classification).min(1).max(50),
});
export type RegisterSupplierInput = z.infer<typeof registerSupplierSchema>;

export const supplierSchema = z.strictObject({
  id: supplierId,
  businessRegistrationNumber: z.string(),
  name: z.strictObject({ en: z.string(), zh: z.string().optional() }),
  contact: z.strictObject({ name: z.string(), email: z.string(), telephone: z.string() }),
  categories: z.array(z.strictObject({ scheme: z.string(), id: z.string() })),
  officers: z.array(z.string()),
  registeredAt: instant,
});

// --- tenders ---

const itemSchema = z.strictObject({
  id: z.string().regex(/^[0-9A-Za-z-]{1,20}$/, 'an item id of up to 20 letters, digits or -'),
  description: text(1000),
  classification,
  // No smaller than a thousandth: DynamoDB keeps numbers of magnitude 1e-130 and up, and no item is bought in smaller parts.
  quantity: z.number().min(0.001).max(1e9),
  unit: text(50).optional(),
});
const documentSchema = z.strictObject({
  id: z.string().regex(/^[0-9A-Za-z-]{1,40}$/, 'a document id of up to 40 letters, digits or -'),
  documentType: z.enum(DOCUMENT_TYPES),
  title: text(300),
  url: httpsUrl,
  format: z
    .string()
    .regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'a media type like application/pdf')
    .optional(),
});

export const createTenderSchema = z
  .strictObject({
    title: bilingual(300),
    description: bilingual(5000),
    items: z.array(itemSchema).min(1).max(100),
    value: z.strictObject({ amount: z.number().min(0.01).max(1e12), currency: z.literal('HKD') }),
    procurementMethod: z.enum(PROCUREMENT_METHODS),
    procurementMethodRationale: text(1000).optional(),
    submissionMethod: z.array(z.enum(SUBMISSION_METHODS)).min(1).max(1),
    documents: z.array(documentSchema).max(50).default([]),
    tenderPeriod: z.strictObject({ endDate: instant }),
    plannedProcurementNotice: z.strictObject({ publishedAt: instant, url: httpsUrl.optional() }).optional(),
    rationale: text(2000).optional(),
  })
  .describe('Item ids, and document ids, must differ from one another: a repeated one is 422 duplicate_id');
export type CreateTenderInput = z.infer<typeof createTenderSchema>;

export const amendTenderSchema = z.strictObject({
  tenderPeriod: z.strictObject({ endDate: instant }),
  rationale: text(1000),
});
export type AmendTenderInput = z.infer<typeof amendTenderSchema>;

export const awardSchema = z.strictObject({
  id: z.string(),
  date: instant,
  supplier: z.strictObject({ id: supplierId, partyId: z.string(), name: z.string() }),
  value: z.strictObject({ amount: z.number(), currency: z.literal('HKD') }),
  contract: z.strictObject({
    id: z.string(),
    title: z.string(),
    dateSigned: instant,
    period: z.strictObject({ startDate: instant, endDate: instant }),
    value: z.strictObject({ amount: z.number(), currency: z.literal('HKD') }),
    status: z.enum(['active', 'terminated']),
    amendments: z.array(
      z.strictObject({
        id: z.string(),
        date: instant,
        rationale: z.string(),
        value: z.strictObject({ amount: z.number(), currency: z.literal('HKD') }).optional(),
        endDate: instant.optional(),
      }),
    ),
    milestones: z.array(
      z.strictObject({
        id: z.string(),
        title: z.string(),
        dueDate: instant,
        status: z.enum(MILESTONE_STATES),
        dateMet: instant.optional(),
      }),
    ),
    payments: z.array(
      z.strictObject({ id: z.string(), date: instant, value: z.strictObject({ amount: z.number(), currency: z.literal('HKD') }) }),
    ),
    termination: z.strictObject({ date: instant, rationale: z.string() }).optional(),
  }),
});

const changeId = z.string().regex(/^[0-9A-Za-z-]{1,40}$/, 'an id of up to 40 letters, digits or -');
export const amendContractSchema = z
  .strictObject({
    rationale: text(1000),
    value: z.strictObject({ amount: z.number().min(0.01).max(1e12), currency: z.literal('HKD') }).optional(),
    endDate: instant.optional(),
  })
  .describe('A new value, a new end date, or both');
export type AmendContractInput = z.infer<typeof amendContractSchema>;
export const implementationSchema = z.strictObject({
  milestones: z
    .array(
      z.strictObject({ id: changeId, title: text(300), dueDate: instant, status: z.enum(MILESTONE_STATES), dateMet: instant.optional() }),
    )
    .max(50)
    .default([]),
  payments: z
    .array(
      z.strictObject({
        id: changeId,
        date: instant,
        value: z.strictObject({ amount: z.number().min(0.01).max(1e12), currency: z.literal('HKD') }),
      }),
    )
    .max(50)
    .default([]),
});
export type ImplementationInput = z.infer<typeof implementationSchema>;
export const terminateContractSchema = z.strictObject({ rationale: text(1000) });

const bilingualOut = z.strictObject({ en: z.string(), zh: z.string() });
export const tenderSchema = z.strictObject({
  id: tenderId,
  ocid: z.string(),
  department: z.string(),
  state: z.enum(TENDER_STATES),
  closed: z.boolean().describe('Whether the closing time has passed: no bid is received any more'),
  title: bilingualOut,
  description: bilingualOut,
  items: z.array(
    z.strictObject({
      id: z.string(),
      description: z.string(),
      classification: z.strictObject({ scheme: z.string(), id: z.string() }),
      quantity: z.number(),
      unit: z.string().optional(),
    }),
  ),
  value: z.strictObject({ amount: z.number(), currency: z.literal('HKD') }),
  procurementMethod: z.enum(PROCUREMENT_METHODS),
  procurementMethodRationale: z.string().optional(),
  submissionMethod: z.array(z.enum(SUBMISSION_METHODS)),
  documents: z.array(
    z.strictObject({
      id: z.string(),
      documentType: z.enum(DOCUMENT_TYPES),
      title: z.string(),
      url: z.string(),
      format: z.string().optional(),
    }),
  ),
  tenderPeriod: z.strictObject({ startDate: instant.optional(), endDate: instant }),
  plannedProcurementNotice: z.strictObject({ publishedAt: instant, url: z.string().optional() }).optional(),
  rationale: z.string().optional(),
  amendments: z.array(z.strictObject({ id: z.string(), date: instant, rationale: z.string(), fromEndDate: instant, toEndDate: instant })),
  tenderingRule: z.string().optional(),
  award: awardSchema.optional(),
  createdAt: instant,
  createdBy: z.string(),
  publishedAt: instant.optional(),
  version: z.int(),
});
export const tenderListSchema = z.strictObject({ tenders: z.array(tenderSchema), next: nextCursorSchema });

// --- clarifications ---

export const askQuestionSchema = z.strictObject({ question: text(2000) });
export const answerQuestionSchema = z.strictObject({ answer: text(5000) });
export const clarificationSchema = z.strictObject({
  id: z.string(),
  tenderId,
  question: z.string(),
  askedAt: instant,
  answer: z.string().optional(),
  answeredAt: instant.optional(),
});
export const clarificationListSchema = z.strictObject({ clarifications: z.array(clarificationSchema), next: nextCursorSchema });

// --- bids ---

export const submitBidSchema = z.strictObject({
  price: z.strictObject({ amount: z.number().min(0.01).max(1e12), currency: z.literal('HKD') }),
  proposal: text(20_000),
  /** Prices by item, if the tender asks for them. */
  lines: z
    .array(z.strictObject({ itemId: z.string().regex(/^[0-9A-Za-z-]{1,20}$/), unitPrice: z.number().nonnegative().max(1e12) }))
    .max(100)
    .optional(),
});
export type SubmitBidInput = z.infer<typeof submitBidSchema>;

export const receiptSchema = z.strictObject({
  tenderId,
  supplierId,
  state: z.enum(BID_STATES),
  submission: z.int().describe('1 for the first submission; a resubmission replaces the bid with the next'),
  sha256: sha256.describe('SHA-256 of the bid as canonical JSON (keys sorted, no spaces), as sealed'),
  size: z.int(),
  receivedAt: instant.describe('When the server received the request: the time that decides lateness'),
});

export const openingResultSchema = z.strictObject({
  tenderId,
  state: z.enum(['sealed', 'awaiting-confirmation', 'opened']).describe('sealed: nobody has asked for the opening (or the request lapsed)'),
  closesAt: instant.optional(),
  requestedBy: z.string().optional(),
  requestedAt: instant.optional(),
  expiresAt: instant.optional(),
  confirmedBy: z.string().optional(),
  openedAt: instant.optional(),
  bids: z.array(z.strictObject({ supplierId, sha256, receivedAt: instant, submission: z.int() })).optional(),
});

export const openedBidListSchema = z.strictObject({
  bids: z.array(
    z.strictObject({
      supplierId,
      sha256,
      receivedAt: instant,
      content: submitBidSchema,
    }),
  ),
});

// --- evaluation and award ---

export const awardTenderSchema = z.strictObject({
  scores: z
    .array(
      z.strictObject({
        supplierId,
        criterion: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'a criterion like price or technical-merit'),
        score: z.number().min(0).max(100),
        weight: z.number().min(1).max(100),
      }),
    )
    .min(1)
    .max(500),
  supplierId,
  value: z.strictObject({ amount: z.number().min(0.01).max(1e12), currency: z.literal('HKD') }),
  contractPeriod: z.strictObject({ startDate: instant, endDate: instant }),
});
export type AwardTenderInput = z.infer<typeof awardTenderSchema>;

export const awardResultSchema = z.strictObject({
  tenderId,
  award: awardSchema,
  ranking: z.array(z.strictObject({ supplierId, total: z.number() })).describe('Each opened bid’s weighted total, highest first'),
});

// --- audit ---

export const auditListSchema = z.strictObject({
  events: z.array(
    z.strictObject({
      at: instant,
      action: z.string(),
      actor: z.string(),
      requestId: z.string(),
      sourceIp: z.string().optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  next: nextCursorSchema,
});

// --- OCDS ---

export const releasesQuerySchema = z.strictObject({
  cursor: cursorParameter,
  limit,
  since: instant.optional().describe('Only releases dated at or after this'),
});
export const recordParams = z.strictObject({
  ocid: z.string().regex(/^ocds-[a-z0-9]{6}-T-[0-9]{4}-[0-9A-Z]{8}$/, 'an ocid like ocds-hkegov-T-2026-AB12CD34'),
});
const looseObject = z.object({}).passthrough();
export const releasePackageSchema = z
  .object({ uri: z.string(), version: z.literal('1.1'), publishedDate: instant, publisher: looseObject, releases: z.array(looseObject) })
  .passthrough()
  .describe('An OCDS 1.1.5 release package');
export const recordPackageSchema = z
  .object({ uri: z.string(), version: z.literal('1.1'), publishedDate: instant, publisher: looseObject, records: z.array(looseObject) })
  .passthrough()
  .describe('An OCDS 1.1.5 record package');
