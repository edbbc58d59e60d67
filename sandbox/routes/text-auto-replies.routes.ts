// /v2/texts/auto-replys (sic): list, create, get, delete (docs/callfire-api.md §Endpoints, 4–7).
import { Router } from "express";
import { notFound } from "../domain/api-error.js";
import { compileMatch } from "../domain/auto-reply-matcher.js";
import { parsePhoneNumber } from "../domain/phone-numbers.js";
import { serviceContext } from "../http/auth.js";
import { readAutoReply } from "../http/body-readers.js";
import { paging, pathId, queryString } from "../http/query-readers.js";
import { page, sendEmpty, sendJson } from "../http/respond.js";
import type { Store } from "../store/store.js";

export function textAutoRepliesRoutes(store: Store): Router {
  const router = Router();

  router.get("/texts/auto-replys", (req, res) => {
    const { accountId } = serviceContext(store, res);
    const window = paging(req.query);
    const raw = queryString(req.query, "number");
    const number = raw === undefined ? undefined : parsePhoneNumber(raw).number;
    const [items, total] = store.autoReplies.find(accountId, number, window.limit, window.offset);
    sendJson(req, res, 200, page(items, total, window));
  });

  router.post("/texts/auto-replys", (req, res) => {
    const ctx = serviceContext(store, res);
    const input = readAutoReply(req.body);
    compileMatch(input.match);
    sendJson(req, res, 201, { id: store.autoReplies.insert(ctx.accountId, input, ctx.now()) });
  });

  router.get("/texts/auto-replys/:id", (req, res) => {
    const id = pathId(req.params.id);
    const reply = store.autoReplies.get(serviceContext(store, res).accountId, id);
    if (reply === undefined) throw notFound("TextAutoReply", id);
    sendJson(req, res, 200, reply);
  });

  router.delete("/texts/auto-replys/:id", (req, res) => {
    const id = pathId(req.params.id);
    if (!store.autoReplies.delete(serviceContext(store, res).accountId, id))
      throw notFound("TextAutoReply", id);
    sendEmpty(res, 204);
  });

  return router;
}
