/** An incident's life: reported or detected, triaged, contained, resolved, closed; reopened when it returns. */
export const STATUSES = ['new', 'triaged', 'contained', 'resolved', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

export type TransitionAction = 'triage' | 'contain' | 'resolve' | 'close' | 'reopen';

/** Every allowed move, and what it is called in the audit record. Anything else is refused. */
export const TRANSITIONS: Readonly<Record<Status, Readonly<Partial<Record<Status, TransitionAction>>>>> = {
  new: { triaged: 'triage' },
  triaged: { contained: 'contain' },
  contained: { resolved: 'resolve' },
  resolved: { closed: 'close', triaged: 'reopen' },
  closed: { triaged: 'reopen' },
};

export type TransitionResult =
  | { readonly ok: true; readonly status: Status; readonly action: TransitionAction }
  | { readonly ok: false; readonly status: Status; readonly message: string };

/** The status after asking to move from `from` to `to`; a refused move leaves `from`. */
export function transition(from: Status, to: Status): TransitionResult {
  const action = TRANSITIONS[from][to];
  if (action) return { ok: true, status: to, action };
  const allowed = Object.keys(TRANSITIONS[from]);
  return {
    ok: false,
    status: from,
    message:
      from === to
        ? `The incident is already ${from}.`
        : `An incident cannot go from ${from} to ${to}; from ${from} it can go to ${allowed.join(' or ')}.`,
  };
}
