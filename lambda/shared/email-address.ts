import * as z from 'zod';

/**
 * An e-mail address as the `email` format of JSON Schema means it (RFC 5321's limits too): zod's
 * address syntax, a local part of at most 64 characters, domain labels of at most 63, at most
 * 254 in all. A service gives its standard's words for each refusal.
 */
export function emailAddressSchema(words: { readonly invalid?: string; readonly tooLong?: string } = {}) {
  const invalid = words.invalid ?? 'an e-mail address has at most 64 characters before the @ and 63 in each part of its domain';
  return z
    .email(words.invalid ? { error: words.invalid } : undefined)
    .max(254, words.tooLong ? { error: words.tooLong } : undefined)
    .refine((address) => {
      const at = address.lastIndexOf('@');
      return (
        at <= 64 &&
        address
          .slice(at + 1)
          .split('.')
          .every((label) => label.length <= 63)
      );
    }, invalid);
}

export const emailAddress = emailAddressSchema();
