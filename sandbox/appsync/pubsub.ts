/**
 * Mutation results on their way to realtime subscribers. AppSync publishes what the mutation
 * returned (only the fields its selection set asked for), so that object is what travels here.
 */
export type Publication = { mutation: string; payload: Record<string, unknown> };
type Listener = (publication: Publication) => void;

export class PubSub {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(publication: Publication): void {
    for (const listener of this.listeners) listener(publication);
  }
}
