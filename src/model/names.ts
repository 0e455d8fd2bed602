/** Names the model derives from states and events. */

/** `PROBE_REPLY` → `ProbeReply`, `coldSync` → `ColdSync`: the form action names are built from. */
export function pascal(s: string): string {
  return s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => (w === w.toUpperCase() ? w[0] + w.slice(1).toLowerCase() : w[0].toUpperCase() + w.slice(1)))
    .join('');
}
