// The running ZGW workers of this process, woken after a commit that made a task due
// at once ("opnieuw proberen"). Tasks written by the event trigger are found by the
// worker's next round.
const wakers = new Set<() => void>();

export function onZgwWake(wake: () => void): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}

export function wakeZgwWorkers(): void {
  for (const wake of wakers) wake();
}
