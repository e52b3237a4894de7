import type { ParsedChannel } from "./channels";

/** One published event on its way to subscribers: its channel and the JSON string as published. */
export interface PublishedEvent {
  channel: Extract<ParsedChannel, { ok: true }>;
  event: string;
}

/** Every publish to one Event API, HTTP and WebSocket alike, reaches every open connection of that API. */
export class EventBus {
  private readonly listeners = new Set<(published: PublishedEvent) => void>();

  subscribe(listener: (published: PublishedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(published: PublishedEvent): void {
    for (const listener of this.listeners) listener(published);
  }
}
