// Events for webhooks, recorded inside a transaction and released only when it commits: a request that
// fails half-way leaves no data and fires no webhook.

export type WebhookResourceName = "TextBroadcast" | "OutboundText" | "InboundText";
export type WebhookEventName = "Started" | "Stopped" | "Finished";

export interface ResourceEvent {
  accountId: number;
  resource: WebhookResourceName;
  event: WebhookEventName;
  /** The broadcast's or the text's id. */
  id: number;
  /** Unix ms. */
  timestamp: number;
}

export class EventOutbox {
  private readonly pending: ResourceEvent[] = [];
  private readonly listeners: ((events: ResourceEvent[]) => void)[] = [];
  private depth = 0;

  record(event: ResourceEvent): void {
    this.pending.push(event);
    if (this.depth === 0) this.release();
  }

  /** Called with the events of each committed transaction, in the order they were recorded. */
  onCommit(listener: (events: ResourceEvent[]) => void): void {
    this.listeners.push(listener);
  }

  /** Runs `transaction`, releasing its events if it commits and dropping them if it throws. */
  around<T>(transaction: () => T): T {
    const mark = this.pending.length;
    this.depth += 1;
    let result: T;
    try {
      result = transaction();
    } catch (error) {
      this.depth -= 1;
      this.pending.length = mark;
      throw error;
    }
    this.depth -= 1;
    if (this.depth === 0) this.release();
    return result;
  }

  private release(): void {
    if (this.pending.length === 0) return;
    const events = this.pending.splice(0);
    for (const listener of this.listeners) listener(events);
  }
}
