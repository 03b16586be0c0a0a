/**
 * In-process notice that an agency's public catalogue changed (an item published, or a published item's validity
 * changed), so readers that keep counts (the portal) drop them at once. Other processes on the same PostgreSQL do
 * not hear it: their caches expire on their own (see the portal's catalogue adapter).
 */
type Listener = (agencyId: number) => void;

const listeners = new Set<Listener>();

/** Returns the function that stops listening. */
export function onPublicCatalogueChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function publicCatalogueChanged(agencyId: number): void {
  for (const listener of listeners) listener(agencyId);
}
