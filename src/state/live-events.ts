// Live updates as they travel on the pub/sub, between the webhook receiver and the subscribers: one topic
// per account and webhook resource, carrying the event's CallFire resource as JSON text (so int64 ids stay
// exact). AccountLiveUpdates is what a subscription resolver may ask for (src/live implements it).

/** The webhook resources the graph subscribes to, and the events of each. */
export const LIVE_RESOURCES = {
  TextBroadcast: ["Started", "Stopped", "Finished"],
  OutboundText: ["Finished"],
  InboundText: ["Finished"],
} as const;

export type LiveResource = keyof typeof LIVE_RESOURCES;

export interface LiveEvent {
  eventType: string;
  /** The resource exactly as CallFire sent it (a TextBroadcast or a Text), JSON text. */
  resource: string;
}

/** The events of the caller's account. */
export interface AccountLiveUpdates {
  /** This webhook resource's events from now on; return() unsubscribes. */
  events(resource: LiveResource): Promise<AsyncIterableIterator<LiveEvent>>;
}

/** The WebSocket connection a subscription runs on; absent for HTTP requests. */
export interface LiveConnection {
  /** The subscriber stopped reading and events piled up: close the connection, saying why. */
  overflowed(error: Error): void;
}

export function isLiveResource(name: string): name is LiveResource {
  return Object.hasOwn(LIVE_RESOURCES, name);
}

export function liveTopic(accountKey: string, resource: LiveResource): string {
  return `live:${accountKey}:${resource}`;
}
