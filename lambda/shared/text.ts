import * as z from 'zod';

/** A character that is not white space, in JavaScript's sense of it (Unicode's spaces and the BOM included). */
const NOT_BLANK = /[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** Free text of at most `max` characters, trimmed, refused when blank. */
export const nonBlankText = (max: number) => z.string().max(max).trim().regex(NOT_BLANK, 'must not be blank');
