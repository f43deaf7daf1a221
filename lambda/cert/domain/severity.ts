/**
 * The CERT's incident severities, lowest first, and how findings of GuardDuty (1.0 to 10.0)
 * and Security Hub (ASFF label, or normalised 0 to 100) map onto them.
 */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Lowest GuardDuty severity of each level, as GuardDuty bands its findings. */
export const GUARDDUTY_SEVERITY_FLOOR: Readonly<Record<Severity, number>> = { low: 1, medium: 4, high: 7, critical: 9 };

/** Lowest Security Hub normalised severity of each level, as the ASFF label bands it. */
export const SECURITY_HUB_SEVERITY_FLOOR: Readonly<Record<Severity, number>> = { low: 1, medium: 40, high: 70, critical: 90 };

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) >= severityRank(threshold);
}

function band(value: number, floors: Readonly<Record<Severity, number>>): Severity | undefined {
  for (const level of [...SEVERITIES].reverse()) if (value >= floors[level]) return level;
  return undefined;
}

/** The level of a GuardDuty severity; below 1 (never issued) counts as low. */
export function fromGuardDuty(severity: number): Severity {
  return band(severity, GUARDDUTY_SEVERITY_FLOOR) ?? 'low';
}

/**
 * The level of a Security Hub severity: the label when it names a level, otherwise the
 * normalised score. INFORMATIONAL findings are not incidents: undefined.
 */
export function fromSecurityHub(severity: { Label?: string; Normalized?: number }): Severity | undefined {
  const label = severity.Label?.toLowerCase();
  if (label === 'informational') return undefined;
  if ((SEVERITIES as readonly string[]).includes(label ?? '')) return label as Severity;
  return severity.Normalized === undefined ? undefined : band(severity.Normalized, SECURITY_HUB_SEVERITY_FLOOR);
}
