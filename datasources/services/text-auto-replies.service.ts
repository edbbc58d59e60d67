// Auto-replies: lookups, the account's list, creating and deleting one.
import type { Page } from "../../schema/page.type.js";
import type { TextAutoReplyInput } from "../../schema/text-auto-reply.input.js";
import type { TextAutoReply } from "../../schema/text-auto-reply.type.js";
import type { PageArgs } from "../callfire-api.js";
import { forgetTextAutoReply, loadOrNull, primeTextAutoReplies } from "../loaders.js";
import type { RequestScope } from "./request-scope.js";
import { loadCreated } from "./write-once.js";

/** What we know of an auto-reply just created when CallFire cannot be asked: what was sent. */
function sentTextAutoReply(id: string, input: TextAutoReplyInput): TextAutoReply {
  return {
    id,
    number: input.number ?? null,
    keyword: input.keyword ?? null,
    match: input.match ?? null,
    message: input.message,
  };
}

export class TextAutoRepliesService {
  constructor(private readonly scope: RequestScope) {}

  /** One auto-reply; null when CallFire does not know it (for example once deleted). */
  byId(id: string): Promise<TextAutoReply | null> {
    return loadOrNull(this.scope.loaders.textAutoReply, id);
  }

  async list(args: PageArgs & { number?: string | null }): Promise<Page<TextAutoReply>> {
    const page = await this.scope.api.findTextAutoReplies(args);
    primeTextAutoReplies(this.scope.loaders, page.items);
    return page;
  }

  /** Creates once per idempotencyKey; answers with the auto-reply as CallFire has it. */
  async create(input: TextAutoReplyInput, idempotencyKey: string | null | undefined): Promise<TextAutoReply> {
    const id = await this.scope.idempotency.run("createTextAutoReply", idempotencyKey, { input }, () =>
      this.scope.api.createTextAutoReply(input),
    );
    return loadCreated(
      this.scope.loaders.textAutoReply,
      id,
      () => sentTextAutoReply(id, input),
      this.scope.log,
    );
  }

  /** Answers with the id deleted. */
  async delete(id: string): Promise<string> {
    await this.scope.api.deleteTextAutoReply(id);
    forgetTextAutoReply(this.scope.loaders, id);
    return id;
  }
}
