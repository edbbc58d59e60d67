// All repositories over one database, plus its transactions.
import { AccountsRepository } from "./accounts.repository.js";
import { AutoRepliesRepository } from "./auto-replies.repository.js";
import { BatchesRepository } from "./batches.repository.js";
import { CampaignsRepository } from "./campaigns.repository.js";
import { ContactsRepository } from "./contacts.repository.js";
import type { Db } from "./database.js";
import { TextsRepository } from "./texts.repository.js";

export interface Store {
  accounts: AccountsRepository;
  autoReplies: AutoRepliesRepository;
  batches: BatchesRepository;
  campaigns: CampaignsRepository;
  contacts: ContactsRepository;
  texts: TextsRepository;
  /** Runs `work` in one SQLite transaction: a failed request leaves no half-written data. */
  transaction<T>(work: () => T): T;
}

export function createStore(db: Db): Store {
  return {
    accounts: new AccountsRepository(db),
    autoReplies: new AutoRepliesRepository(db),
    batches: new BatchesRepository(db),
    campaigns: new CampaignsRepository(db),
    contacts: new ContactsRepository(db),
    texts: new TextsRepository(db),
    transaction: (work) => db.transaction(work)(),
  };
}
