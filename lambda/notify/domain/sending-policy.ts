import { badRequest } from '../errors';
import type { ApiKeyType, NotifyService } from './model';
import { tryNormaliseRecipient } from './recipients';

/**
 * Who a key may send to. A team key, and any key of a service in trial mode, reaches only the
 * service's team members and its guest list; test keys may address anyone because nothing is
 * ever delivered.
 */
export function allowedRecipients(service: NotifyService): Set<string> {
  const entries = [
    ...service.teamMembers.flatMap((member) => [member.emailAddress, member.mobileNumber ?? '']),
    ...service.guestList,
  ].filter((entry) => entry.trim() !== '');
  return new Set(entries.map(tryNormaliseRecipient));
}

/** Throws Notify's 400 when the key may not send to this (canonical) recipient. */
export function checkRecipientAllowed(service: NotifyService, keyType: ApiKeyType, normalisedRecipient: string): void {
  if (keyType === 'test') return;
  if (allowedRecipients(service).has(normalisedRecipient)) return;
  if (keyType === 'team') throw badRequest("Can't send to this recipient using a team-only API key");
  if (service.restricted) throw badRequest("Can't send to this recipient when service is in trial mode");
}

export function checkInternationalSms(service: NotifyService, international: boolean): void {
  if (international && !service.canSendInternationalSms) throw badRequest('Cannot send to international mobile numbers');
}

/**
 * Letters: no service here has Notify's letter permission, as the platform has no printing and
 * posting provider, so every letter gets Notify's answer to a service without it.
 */
export function refuseLetter(_service: NotifyService): never {
  throw badRequest('Service is not allowed to send letters');
}
