// The running webhook workers of this process, woken after a commit that made a
// delivery due at once (the test event, a retry, a resumed subscription). Deliveries
// written by the event trigger are found by the worker's next round.
const wakers = new Set<() => void>();

export function onWebhookWake(wake: () => void): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}

export function wakeWebhookWorkers(): void {
  for (const wake of wakers) wake();
}
