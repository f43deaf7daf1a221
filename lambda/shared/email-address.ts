import * as z from 'zod';

/**
 * An e-mail address as the `email` format of JSON Schema means it (RFC 5321's limits too): zod's
 * address syntax, a local part of at most 64 characters, domain labels of at most 63, at most
 * 254 in all.
 */
export const emailAddress = z
  .email()
  .max(254)
  .refine((address) => {
    const at = address.lastIndexOf('@');
    return (
      at <= 64 &&
      address
        .slice(at + 1)
        .split('.')
        .every((label) => label.length <= 63)
    );
  }, 'an e-mail address has at most 64 characters before the @ and 63 in each part of its domain');
