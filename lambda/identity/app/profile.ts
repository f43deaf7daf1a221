import type { IdentityCaller } from '../domain/caller';
import type { Consent, Profile } from '../domain/profile';
import { IF_MATCH_MAX_LENGTH, type ProfileInput } from '../domain/schemas';
import { malformedIfMatch, noConsent, noProfile, profileChanged, refused } from '../errors';
import type { IdentityPorts } from '../ports';

function citizen(caller: IdentityCaller) {
  if (caller.kind !== 'citizen') throw refused('This is for the person signed in, with their own token.');
  return caller;
}

export const profileEtag = (profile: Profile) => `"${profile.version}"`;

/** The person's own profile, read with their token (by them, or by a service they signed in to). */
export async function getProfile(ports: IdentityPorts, caller: IdentityCaller): Promise<Profile> {
  const profile = await ports.people.getProfile(citizen(caller).subject);
  if (!profile) throw noProfile();
  return profile;
}

/**
 * Writes the person's profile. With If-Match, only over the version named (412 if it changed);
 * without, over whatever is there: a person editing their own profile from one device.
 */
export async function putProfile(ports: IdentityPorts, caller: IdentityCaller, input: ProfileInput, ifMatch?: string): Promise<Profile> {
  const { subject } = citizen(caller);
  if (ifMatch !== undefined && ifMatch.length > IF_MATCH_MAX_LENGTH) throw malformedIfMatch();
  const current = await ports.people.getProfile(subject);
  if (ifMatch !== undefined && (!current || profileEtag(current) !== ifMatch)) throw profileChanged();
  const version = current?.version ?? 0;
  const next: Profile = {
    subject,
    name: input.name.trim(),
    preferredLanguage: input.preferredLanguage,
    contact: input.contact,
    updatedAt: ports.clock().toISOString(),
    version: version + 1,
  };
  if ((await ports.people.putProfile(next, version)) === 'stale') throw profileChanged();
  return next;
}

export async function listConsents(ports: IdentityPorts, caller: IdentityCaller): Promise<readonly Consent[]> {
  return ports.people.listConsents(citizen(caller).subject);
}

/**
 * Forgets that the person signed in to a service, and revokes its grant where the provider can:
 * it must ask them to sign in again.
 */
export async function revokeConsent(ports: IdentityPorts, caller: IdentityCaller, clientId: string): Promise<void> {
  const { subject } = citizen(caller);
  if (!(await ports.people.revokeConsent(subject, clientId))) throw noConsent(clientId);
  await ports.grants?.revoke(subject, clientId);
}
