/**
 * The roles of a staff token the eHR reads (`custom:roles`): a practitioner carries the
 * provider they act for and their own Practitioner id, like `provider:qmh` and
 * `practitioner:dr-chan`, beside their professional registration (`registration:M12345`).
 */
export const PROVIDER_ROLE_PREFIX = 'provider:';
export const PRACTITIONER_ROLE_PREFIX = 'practitioner:';
export const REGISTRATION_ROLE_PREFIX = 'registration:';
/** Reviews the access log: break-glass accesses above all. */
export const PRIVACY_OFFICER_ROLE = 'privacy-officer';
