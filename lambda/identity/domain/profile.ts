/** The languages a person can have the government write to them in: English, Traditional and Simplified Chinese. */
export const LANGUAGES = ['en', 'tc', 'sc'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What a person tells the government about themselves, and services read with their token. */
export interface Profile {
  readonly subject: string;
  readonly name: string;
  readonly preferredLanguage: Language;
  readonly contact: { readonly email?: string; readonly phone?: string };
  readonly updatedAt: string;
  /** Counts the profile's changes; its ETag. */
  readonly version: number;
}

/** A relying service a person signed in to, and when. */
export interface Consent {
  readonly clientId: string;
  readonly firstSignedInAt: string;
  readonly lastSignedInAt: string;
}
