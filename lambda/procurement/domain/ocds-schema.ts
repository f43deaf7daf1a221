/**
 * JSON Schemas (draft 7) of the OCDS 1.1.5 release, release package and record package, written
 * for this service from the standard's specification: the fields the service emits, with the
 * standard's types, required fields, closed codelists and merge properties (`wholeListMerge`,
 * `omitWhenMerged`). They are a subset: fields the service never emits are left out, and
 * objects stay open to extra fields, as in the standard. The merge routine reads them too.
 */

const str = { type: 'string' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const uri = { type: 'string', format: 'uri' } as const;
const codes = (values: readonly string[]) => ({ type: 'string', enum: values }) as const;
/** Language variations of a field, as the standard writes them: `title_zh`, `description_zh-HK`. */
const translations = (field: string) => ({ [`^(${field}_[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)$`]: str });

export const RELEASE_TAGS = [
  'planning',
  'planningUpdate',
  'tender',
  'tenderAmendment',
  'tenderUpdate',
  'tenderCancellation',
  'award',
  'awardUpdate',
  'awardCancellation',
  'contract',
  'contractUpdate',
  'contractAmendment',
  'implementation',
  'implementationUpdate',
  'contractTermination',
  'compiled',
] as const;

export const PARTY_ROLES = [
  'buyer',
  'procuringEntity',
  'supplier',
  'tenderer',
  'funder',
  'enquirer',
  'payer',
  'payee',
  'reviewBody',
  'interestedParty',
] as const;

const definitions = {
  Value: {
    type: 'object',
    properties: { amount: { type: 'number' }, currency: { type: 'string', pattern: '^[A-Z]{3}$' } },
  },
  Period: {
    type: 'object',
    properties: { startDate: dateTime, endDate: dateTime, maxExtentDate: dateTime, durationInDays: { type: 'integer' } },
  },
  Identifier: { type: 'object', properties: { scheme: str, id: str, legalName: str, uri } },
  ContactPoint: { type: 'object', properties: { name: str, email: str, telephone: str, url: uri } },
  Organization: {
    type: 'object',
    required: ['id'],
    properties: {
      id: str,
      name: str,
      identifier: { $ref: '#/definitions/Identifier' },
      contactPoint: { $ref: '#/definitions/ContactPoint' },
      roles: { type: 'array', items: codes(PARTY_ROLES), uniqueItems: true },
    },
    patternProperties: translations('name'),
  },
  OrganizationReference: { type: 'object', required: ['id'], properties: { id: str, name: str } },
  Classification: { type: 'object', properties: { scheme: str, id: str, description: str, uri } },
  Item: {
    type: 'object',
    required: ['id'],
    properties: {
      id: str,
      description: str,
      classification: { $ref: '#/definitions/Classification' },
      additionalClassifications: {
        type: 'array',
        items: { $ref: '#/definitions/Classification' },
        uniqueItems: true,
        wholeListMerge: true,
      },
      quantity: { type: 'number' },
      unit: { type: 'object', properties: { scheme: str, id: str, name: str, value: { $ref: '#/definitions/Value' } } },
    },
    patternProperties: translations('description'),
  },
  Document: {
    type: 'object',
    required: ['id'],
    properties: {
      id: str,
      documentType: str,
      title: str,
      description: str,
      url: uri,
      datePublished: dateTime,
      dateModified: dateTime,
      format: str,
      language: str,
    },
    patternProperties: translations('title'),
  },
  Amendment: {
    type: 'object',
    required: ['id'],
    properties: { id: str, date: dateTime, rationale: str, description: str, amendsReleaseID: str, releaseID: str },
  },
  Milestone: {
    type: 'object',
    required: ['id'],
    properties: {
      id: str,
      title: str,
      type: str,
      description: str,
      dueDate: dateTime,
      dateMet: dateTime,
      dateModified: dateTime,
      status: codes(['scheduled', 'met', 'notMet', 'partiallyMet']),
    },
  },
  Transaction: {
    type: 'object',
    required: ['id'],
    properties: {
      id: str,
      source: uri,
      date: dateTime,
      value: { $ref: '#/definitions/Value' },
      payer: { $ref: '#/definitions/OrganizationReference' },
      payee: { $ref: '#/definitions/OrganizationReference' },
      uri,
    },
  },
  Tender: {
    type: 'object',
    required: ['id'],
    properties: {
      id: str,
      title: str,
      description: str,
      status: codes(['planning', 'planned', 'active', 'cancelled', 'unsuccessful', 'complete', 'withdrawn']),
      procuringEntity: { $ref: '#/definitions/OrganizationReference' },
      items: { type: 'array', items: { $ref: '#/definitions/Item' }, uniqueItems: true },
      value: { $ref: '#/definitions/Value' },
      procurementMethod: codes(['open', 'selective', 'limited', 'direct']),
      procurementMethodDetails: str,
      procurementMethodRationale: str,
      mainProcurementCategory: codes(['goods', 'works', 'services']),
      submissionMethod: {
        type: 'array',
        items: codes(['electronicSubmission', 'electronicAuction', 'written', 'inPerson']),
        uniqueItems: true,
      },
      tenderPeriod: { $ref: '#/definitions/Period' },
      enquiryPeriod: { $ref: '#/definitions/Period' },
      hasEnquiries: { type: 'boolean' },
      numberOfTenderers: { type: 'integer' },
      tenderers: { type: 'array', items: { $ref: '#/definitions/OrganizationReference' }, uniqueItems: true },
      documents: { type: 'array', items: { $ref: '#/definitions/Document' } },
      amendments: { type: 'array', items: { $ref: '#/definitions/Amendment' } },
    },
    patternProperties: { ...translations('title'), ...translations('description') },
  },
  Planning: {
    type: 'object',
    properties: {
      rationale: str,
      budget: { type: 'object', properties: { id: str, description: str, amount: { $ref: '#/definitions/Value' } } },
      documents: { type: 'array', items: { $ref: '#/definitions/Document' } },
      milestones: { type: 'array', items: { $ref: '#/definitions/Milestone' } },
    },
  },
  Award: {
    type: 'object',
    required: ['id'],
    properties: {
      id: str,
      title: str,
      description: str,
      status: codes(['pending', 'active', 'cancelled', 'unsuccessful']),
      date: dateTime,
      value: { $ref: '#/definitions/Value' },
      suppliers: { type: 'array', items: { $ref: '#/definitions/OrganizationReference' }, uniqueItems: true },
      contractPeriod: { $ref: '#/definitions/Period' },
      documents: { type: 'array', items: { $ref: '#/definitions/Document' } },
    },
  },
  Contract: {
    type: 'object',
    required: ['id', 'awardID'],
    properties: {
      id: str,
      awardID: str,
      title: str,
      description: str,
      status: codes(['pending', 'active', 'cancelled', 'terminated']),
      period: { $ref: '#/definitions/Period' },
      value: { $ref: '#/definitions/Value' },
      dateSigned: dateTime,
      documents: { type: 'array', items: { $ref: '#/definitions/Document' } },
      amendments: { type: 'array', items: { $ref: '#/definitions/Amendment' } },
      milestones: { type: 'array', items: { $ref: '#/definitions/Milestone' } },
      implementation: {
        type: 'object',
        properties: {
          transactions: { type: 'array', items: { $ref: '#/definitions/Transaction' } },
          milestones: { type: 'array', items: { $ref: '#/definitions/Milestone' } },
          documents: { type: 'array', items: { $ref: '#/definitions/Document' } },
        },
      },
    },
  },
} as const;

export const releaseSchema = {
  $id: 'https://standard.open-contracting.org/schema/1__1__5/release-schema.json',
  title: 'OCDS 1.1.5 release (the fields this service emits)',
  type: 'object',
  required: ['ocid', 'id', 'date', 'tag', 'initiationType'],
  properties: {
    ocid: { type: 'string', minLength: 1 },
    id: { type: 'string', minLength: 1, omitWhenMerged: true },
    date: { ...dateTime, omitWhenMerged: true },
    tag: { type: 'array', items: codes(RELEASE_TAGS), minItems: 1, omitWhenMerged: true },
    initiationType: codes(['tender']),
    language: str,
    parties: { type: 'array', items: { $ref: '#/definitions/Organization' }, uniqueItems: true },
    buyer: { $ref: '#/definitions/OrganizationReference' },
    planning: { $ref: '#/definitions/Planning' },
    tender: { $ref: '#/definitions/Tender' },
    awards: { type: 'array', items: { $ref: '#/definitions/Award' }, minItems: 1, uniqueItems: true },
    contracts: { type: 'array', items: { $ref: '#/definitions/Contract' }, minItems: 1, uniqueItems: true },
  },
  definitions,
} as const;

const publisher = {
  type: 'object',
  required: ['name'],
  properties: {
    name: str,
    scheme: { type: ['string', 'null'] },
    uid: { type: ['string', 'null'] },
    uri: { type: ['string', 'null'], format: 'uri' },
  },
} as const;
const packageMetadata = {
  uri,
  version: { type: 'string', pattern: '^(\\d+\\.)(\\d+)$' },
  extensions: { type: 'array', items: uri },
  publishedDate: dateTime,
  publisher,
  license: { type: ['string', 'null'], format: 'uri' },
  publicationPolicy: { type: ['string', 'null'], format: 'uri' },
} as const;

export const releasePackageSchema = {
  $id: 'https://standard.open-contracting.org/schema/1__1__5/release-package-schema.json',
  title: 'OCDS 1.1.5 release package',
  type: 'object',
  required: ['uri', 'publishedDate', 'releases', 'publisher', 'version'],
  properties: {
    ...packageMetadata,
    releases: { type: 'array', items: { $ref: releaseSchema.$id } },
  },
} as const;

export const recordPackageSchema = {
  $id: 'https://standard.open-contracting.org/schema/1__1__5/record-package-schema.json',
  title: 'OCDS 1.1.5 record package',
  type: 'object',
  required: ['uri', 'publisher', 'publishedDate', 'records', 'version'],
  properties: {
    ...packageMetadata,
    packages: { type: 'array', items: uri },
    records: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['ocid', 'releases'],
        properties: {
          ocid: str,
          releases: {
            type: 'array',
            minItems: 1,
            items: {
              oneOf: [
                {
                  type: 'object',
                  required: ['url', 'date', 'tag'],
                  properties: { url: uri, date: dateTime, tag: { type: 'array', items: codes(RELEASE_TAGS) } },
                },
                { $ref: releaseSchema.$id },
              ],
            },
          },
          compiledRelease: { $ref: releaseSchema.$id },
        },
      },
    },
  },
} as const;

/** The schemas by id, for a validator to load together. */
export const OCDS_SCHEMAS = [releaseSchema, releasePackageSchema, recordPackageSchema] as const;
