// Early-warning signals: a week in which a kabupaten/kota reports more of one type than its own history
// predicts, and how an office reviews one.

export const signalStatuses = ['NEW', 'ACKNOWLEDGED', 'ESCALATED', 'DISMISSED'] as const;
export type SignalStatus = (typeof signalStatuses)[number];

/** The review: new → acknowledged → escalated or dismissed (each with a note saying why). */
export const signalTransitions = {
  NEW: ['ACKNOWLEDGED'],
  ACKNOWLEDGED: ['ESCALATED', 'DISMISSED'],
  ESCALATED: [],
  DISMISSED: [],
} as const satisfies Record<SignalStatus, readonly SignalStatus[]>;

export const canMoveSignal = (from: SignalStatus, to: SignalStatus): boolean =>
  (signalTransitions[from] as readonly SignalStatus[]).includes(to);

/** Moves that must say why. */
export const signalStepNeedsNote = (to: SignalStatus): boolean => to === 'ESCALATED' || to === 'DISMISSED';

/** Signals still waiting for someone to act. */
export const openSignalStatuses = ['NEW', 'ACKNOWLEDGED'] as const satisfies readonly SignalStatus[];
