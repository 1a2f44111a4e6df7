/** The studio's booking policy: when students may still cancel, how long a freed seat is held for the next in line. */
export interface BookingPolicy {
  /** Students may cancel their booking until this many minutes before the scheduled start. */
  cancellationCutoffMinutes: number;
  /** A paid class's freed seat is offered to the first on its waitlist for this long. */
  waitlistHoldMinutes: number;
}

export const DEFAULT_BOOKING_POLICY: BookingPolicy = { cancellationCutoffMinutes: 120, waitlistHoldMinutes: 30 };
