// The back-off of every outbox (mail, webhooks, ZGW): after the n-th failed attempt wait
// 30 s, then twice as long each time, up to a cap. A failed delivery is retried, never lost.

/** Seconds to wait after the n-th failed attempt: 30, 60, 120 … at most `capSeconds`. */
export const doublingBackoffSeconds = (attempts: number, capSeconds: number): number => Math.min(capSeconds, 30 * 2 ** Math.max(0, attempts - 1));
