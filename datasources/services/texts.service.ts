// Texts: lookups by id (batched), the account's text search, and sending.
import type { Page } from "../../schema/page.type.js";
import type { TextRecipientInput } from "../../schema/recipient.input.js";
import type { TextFilter } from "../../schema/text.input.js";
import type { Text } from "../../schema/text.type.js";
import type { PageArgs } from "../callfire-api.js";
import { forgetTextBroadcast, loadOrNull, primeTexts } from "../loaders.js";
import type { RequestScope } from "./request-scope.js";
import { sendOnce } from "./write-once.js";

export interface SendTexts {
  recipients: TextRecipientInput[];
  campaignId?: string | null;
  defaultMessage?: string | null;
  strictValidation?: boolean | null;
  idempotencyKey?: string | null;
}

export class TextsService {
  constructor(private readonly scope: RequestScope) {}

  /** One text; null when CallFire does not know it. Many in one request cost one GET /texts?id=… per 100. */
  byId(id: string): Promise<Text | null> {
    return loadOrNull(this.scope.loaders.text, id);
  }

  async list(args: PageArgs & { filter?: TextFilter | null }): Promise<Page<Text>> {
    const page = await this.scope.api.findTexts(args);
    primeTexts(this.scope.loaders, page.items);
    return page;
  }

  /** Sends once per idempotencyKey; a repeat answers with the first send's texts. */
  async send(args: SendTexts): Promise<Text[]> {
    const { texts, replayed } = await sendOnce(this.scope, "sendTexts", args, (wholeTexts) =>
      this.scope.api.sendTexts({ ...args, wholeTexts }),
    );
    // Texts sent through a broadcast change it, its stats and its text pages.
    if (!replayed && args.campaignId != null) forgetTextBroadcast(this.scope.loaders, args.campaignId);
    return texts;
  }
}
