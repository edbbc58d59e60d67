// /v2/texts: search, send, get (docs/callfire-api.md §Endpoints, 1–3).
import { Router } from "express";
import { notFound } from "../domain/api-error.js";
import { TEXT_RESULTS, TEXT_STATES } from "../domain/callfire.types.js";
import { parsePhoneNumber } from "../domain/phone-numbers.js";
import { sendTexts } from "../domain/texts.service.js";
import { serviceContext } from "../http/auth.js";
import { readRecipientArray } from "../http/body-readers.js";
import {
  paging,
  pathId,
  queryBoolean,
  queryEnumList,
  queryInteger,
  queryIntegers,
  queryString,
} from "../http/query-readers.js";
import { page, sendJson } from "../http/respond.js";
import type { Store } from "../store/store.js";
import type { TextFilter } from "../store/texts.repository.js";

function numberFilter(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const parsed = parsePhoneNumber(text);
  return parsed.valid ? parsed.number : text;
}

export function textsRoutes(store: Store): Router {
  const router = Router();

  router.get("/texts", (req, res) => {
    const ctx = serviceContext(store, res);
    const { query } = req;
    const window = paging(query);
    const ids = queryIntegers(query, "id");
    let filter: TextFilter;
    if (ids !== undefined) {
      // With ids, CallFire ignores every other filter.
      filter = { ids };
    } else {
      const campaignId = queryInteger(query, "campaignId");
      filter = {
        campaignId:
          campaignId === 0 ? store.campaigns.defaultCampaign(ctx.accountId, ctx.now()).id : campaignId,
        batchId: queryInteger(query, "batchId"),
        fromNumber: numberFilter(queryString(query, "fromNumber")),
        toNumber: numberFilter(queryString(query, "toNumber")),
        label: queryString(query, "label"),
        states: queryEnumList(query, "states", TEXT_STATES),
        results: queryEnumList(query, "results", TEXT_RESULTS),
        inbound: queryBoolean(query, "inbound"),
        intervalBegin: queryInteger(query, "intervalBegin"),
        intervalEnd: queryInteger(query, "intervalEnd"),
      };
    }
    const [items, total] = store.texts.find(ctx.accountId, filter, window.limit, window.offset);
    sendJson(req, res, 200, page(items, total, window));
  });

  router.post("/texts", (req, res) => {
    const texts = sendTexts(serviceContext(store, res), readRecipientArray("sendTexts", req.body), {
      campaignId: queryInteger(req.query, "campaignId"),
      defaultMessage: queryString(req.query, "defaultMessage"),
      strict: queryBoolean(req.query, "strictValidation") ?? false,
    });
    sendJson(req, res, 200, { items: texts });
  });

  router.get("/texts/:id", (req, res) => {
    const id = pathId(req.params.id);
    const text = store.texts.get(serviceContext(store, res).accountId, id);
    if (text === undefined) throw notFound("Text", id);
    sendJson(req, res, 200, text);
  });

  return router;
}
