import * as z from 'zod';
import { quoted } from '../errors';
import { MAX_RESOURCES_PER_DATASET } from './entities';
import { ckanName } from './names';
import { uploadRequestSchema } from './upload-policy';
import { ckanBoolean, ckanInteger, MESSAGES, requiredString } from './validation';

/**
 * Parameters of the publishing actions. Plain `title`, `notes`, `name` and `description` set the
 * English text; the `_translated` forms ({ en, tc, sc }) set any of the three languages.
 * Parameters these do not name are dropped, at every level, as CKAN's package schema ignores
 * them: a dataset as package_show gives it (with `organization`, `num_resources`, a resource's
 * `position` and `created`...) can be sent back to package_update as it is.
 */

const MIN_TAG_LENGTH = 2;
const MAX_TAG_LENGTH = 100;
// CKAN's tag_name_validator: Python's Unicode \w, space, dash and dot.
const TAG_PATTERN = /^[\p{L}\p{N}\p{M}_ .-]*$/u;

const optionalText = (max: number) =>
  z
    .string({ error: MESSAGES.string })
    .max(max, { error: `Must be at most ${max} characters long` })
    .nullable()
    .optional();

const translatedInput = (max: number) =>
  z.object({
    en: z.string({ error: MESSAGES.string }).max(max).optional(),
    tc: z.string({ error: MESSAGES.string }).max(max).optional(),
    sc: z.string({ error: MESSAGES.string }).max(max).optional(),
  });

const httpUrl = z
  .string({ error: (issue) => (issue.input === undefined ? MESSAGES.missing : MESSAGES.string) })
  .trim()
  .max(2000)
  .refine((value) => /^https?:\/\/[^\s/]+/i.test(value), { error: 'Please provide a valid URL' });

const tagName = z
  .string({ error: MESSAGES.string })
  .trim()
  .check((ctx) => {
    const tag = ctx.value;
    if (tag.length < MIN_TAG_LENGTH)
      ctx.issues.push({ code: 'custom', message: `Tag ${quoted(tag)} length is less than minimum ${MIN_TAG_LENGTH}`, input: tag });
    else if (tag.length > MAX_TAG_LENGTH)
      ctx.issues.push({ code: 'custom', message: `Tag ${quoted(tag)} length is more than maximum ${MAX_TAG_LENGTH}`, input: tag });
    else if (!TAG_PATTERN.test(tag))
      ctx.issues.push({ code: 'custom', message: `Tag ${quoted(tag)} must be alphanumeric characters or symbols: -_.`, input: tag });
  });

/** A resource that links to a file published elsewhere; files held here go through resource_create. */
export const resourceLinkInput = z.object({
  id: z.string().min(1).max(100).optional(),
  url: httpUrl,
  name: optionalText(500),
  name_translated: translatedInput(500).optional(),
  description: optionalText(10_000),
  description_translated: translatedInput(10_000).optional(),
  format: optionalText(100),
  mimetype: optionalText(200),
  size: ckanInteger()
    .pipe(z.int().min(0, { error: MESSAGES.natural }))
    .nullable()
    .optional(),
  hash: optionalText(200),
  last_modified: z.iso.datetime({ local: true, offset: true, error: 'Date format incorrect' }).nullable().optional(),
});
export type ResourceLinkInput = z.output<typeof resourceLinkInput>;

const packageFields = {
  title: optionalText(1000),
  title_translated: translatedInput(1000).optional(),
  notes: optionalText(20_000),
  notes_translated: translatedInput(20_000).optional(),
  owner_org: requiredString(200),
  private: ckanBoolean().optional(),
  state: z.enum(['active', 'draft'], { error: 'Must be "active" or "draft"; delete with package_delete' }).optional(),
  license_id: optionalText(100),
  tags: z.array(z.object({ name: tagName, vocabulary_id: z.null().optional() }), { error: MESSAGES.list }).optional(),
  tag_string: optionalText(5000),
  groups: z.array(z.object({ name: z.string().optional(), id: z.string().optional() }), { error: MESSAGES.list }).optional(),
  resources: z
    .array(resourceLinkInput, { error: MESSAGES.list })
    .max(MAX_RESOURCES_PER_DATASET, { error: `A dataset holds at most ${MAX_RESOURCES_PER_DATASET} resources` })
    .optional(),
  extras: z
    .array(z.object({ key: requiredString(200), value: z.string({ error: MESSAGES.string }).max(5000) }), { error: MESSAGES.list })
    .optional(),
  author: optionalText(500),
  author_email: optionalText(500),
  maintainer: optionalText(500),
  maintainer_email: optionalText(500),
  url: optionalText(2000),
  version: optionalText(100),
  type: z.literal('dataset', { error: 'Only "dataset" is published here' }).optional(),
};

/** package_create. A dataset without a title is titled by its name, as CKAN titles it. */
export const packageCreateParams = z.object({ name: ckanName(), ...packageFields });
export type PackageCreateParams = z.output<typeof packageCreateParams>;

/**
 * package_update: a full replacement, found by `id` (id or name). Omitted resources are kept, and
 * so are the name, title and owner when they are not given (CKAN's update schema ignores them missing).
 */
export const packageUpdateParams = z.object({
  id: requiredString(200),
  name: ckanName().optional(),
  ...packageFields,
  owner_org: requiredString(200).optional(),
});
export type PackageUpdateParams = z.output<typeof packageUpdateParams>;

/** package_patch: only the given fields change. */
export const packagePatchParams = packageUpdateParams.partial().extend({ id: requiredString(200) });
export type PackagePatchParams = z.output<typeof packagePatchParams>;

export const packageDeleteParams = z.object({ id: requiredString(200) });

const resourceFields = {
  url: httpUrl.optional(),
  name: optionalText(500),
  name_translated: translatedInput(500).optional(),
  description: optionalText(10_000),
  description_translated: translatedInput(10_000).optional(),
  format: optionalText(100),
  mimetype: optionalText(200),
  upload: uploadRequestSchema.optional(),
};

/** resource_create: a link (`url`) or a file to upload (`upload`), not both. */
export const resourceCreateParams = z.object({ package_id: requiredString(200), ...resourceFields }).check((ctx) => {
  const { url, upload } = ctx.value;
  if (url === undefined && upload === undefined)
    ctx.issues.push({ code: 'custom', path: ['url'], message: 'Missing value: give a url, or an upload to send a file', input: ctx.value });
  if (url !== undefined && upload !== undefined)
    ctx.issues.push({ code: 'custom', path: ['upload'], message: 'Give either a url or an upload, not both', input: ctx.value });
});
export type ResourceCreateParams = z.output<typeof resourceCreateParams>;

/** resource_update: the given fields change; an `upload` replaces the file. */
export const resourceUpdateParams = z.object({ id: requiredString(200), ...resourceFields }).check((ctx) => {
  if (ctx.value.url !== undefined && ctx.value.upload !== undefined)
    ctx.issues.push({ code: 'custom', path: ['upload'], message: 'Give either a url or an upload, not both', input: ctx.value });
});
export type ResourceUpdateParams = z.output<typeof resourceUpdateParams>;

/** resource_patch: the given fields change, as resource_update changes them here. */
export const resourcePatchParams = resourceUpdateParams;

export const resourceDeleteParams = z.object({ id: requiredString(200) });

/** Confirms that a presigned upload finished, so the file becomes the resource's current version. */
export const uploadCompleteParams = z.object({ upload_id: requiredString(100) });
