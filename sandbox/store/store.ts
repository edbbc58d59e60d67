// All repositories over one database, plus its transactions.
import { AccountsRepository } from "./accounts.repository.js";
import { AutoRepliesRepository } from "./auto-replies.repository.js";
import { BatchesRepository } from "./batches.repository.js";
import { CampaignsRepository } from "./campaigns.repository.js";
import { ContactsRepository } from "./contacts.repository.js";
import type { Db } from "./database.js";
import { EventOutbox } from "./event-outbox.js";
import { TextsRepository } from "./texts.repository.js";
import { WebhooksRepository } from "./webhooks.repository.js";

export interface Store {
  accounts: AccountsRepository;
  autoReplies: AutoRepliesRepository;
  batches: BatchesRepository;
  campaigns: CampaignsRepository;
  contacts: ContactsRepository;
  texts: TextsRepository;
  webhooks: WebhooksRepository;
  /** Webhook events, released when the transaction that recorded them commits. */
  events: EventOutbox;
  /** Runs `work` in one SQLite transaction: a failed request leaves no half-written data. */
  transaction<T>(work: () => T): T;
}

export function createStore(db: Db): Store {
  const events = new EventOutbox();
  return {
    accounts: new AccountsRepository(db),
    autoReplies: new AutoRepliesRepository(db),
    batches: new BatchesRepository(db),
    campaigns: new CampaignsRepository(db),
    contacts: new ContactsRepository(db),
    texts: new TextsRepository(db),
    webhooks: new WebhooksRepository(db),
    events,
    transaction: (work) => events.around(() => db.transaction(work)()),
  };
}
