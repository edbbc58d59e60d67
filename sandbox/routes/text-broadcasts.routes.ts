// /v2/texts/broadcasts: the text broadcast endpoints (docs/callfire-api.md §Endpoints, 8–20).
import { Router } from "express";
import {
  addBatch,
  addRecipients,
  archiveBroadcast,
  broadcastStats,
  createBroadcast,
  getBroadcast,
  startBroadcast,
  stopBroadcast,
  toggleRecipients,
  updateBroadcast,
} from "../domain/broadcasts.service.js";
import { serviceContext } from "../http/auth.js";
import { readBatchRequest, readBroadcast, readRecipientArray } from "../http/body-readers.js";
import { paging, pathId, queryBoolean, queryInteger, queryString } from "../http/query-readers.js";
import { page, sendEmpty, sendJson } from "../http/respond.js";
import { toTextBroadcast } from "../store/campaigns.repository.js";
import type { Store } from "../store/store.js";

export function textBroadcastsRoutes(store: Store): Router {
  const router = Router();
  const strict = (query: Parameters<typeof queryBoolean>[0]) =>
    queryBoolean(query, "strictValidation") ?? false;

  router.get("/texts/broadcasts", (req, res) => {
    const { accountId } = serviceContext(store, res);
    const { query } = req;
    const window = paging(query);
    const filter = {
      name: queryString(query, "name"),
      label: queryString(query, "label"),
      running: queryBoolean(query, "running"),
      scheduled: queryBoolean(query, "scheduled"),
      intervalBegin: queryInteger(query, "intervalBegin"),
      intervalEnd: queryInteger(query, "intervalEnd"),
    };
    const [campaigns, total] = store.campaigns.find(accountId, filter, window.limit, window.offset);
    sendJson(req, res, 200, page(campaigns.map(toTextBroadcast), total, window));
  });

  router.post("/texts/broadcasts", (req, res) => {
    const id = createBroadcast(serviceContext(store, res), readBroadcast("createTextBroadcast", req.body), {
      start: queryBoolean(req.query, "start") ?? false,
      strict: strict(req.query),
    });
    sendJson(req, res, 201, { id });
  });

  router.get("/texts/broadcasts/:id", (req, res) => {
    sendJson(req, res, 200, toTextBroadcast(getBroadcast(serviceContext(store, res), pathId(req.params.id))));
  });

  // The samples show an empty body; the later spec returns the id. Clients ignore it either way.
  router.put("/texts/broadcasts/:id", (req, res) => {
    const id = pathId(req.params.id);
    updateBroadcast(
      serviceContext(store, res),
      id,
      readBroadcast("updateTextBroadcast", req.body),
      strict(req.query),
    );
    sendJson(req, res, 200, { id });
  });

  router.post("/texts/broadcasts/:id/start", (req, res) => {
    startBroadcast(serviceContext(store, res), pathId(req.params.id));
    sendEmpty(res);
  });

  router.post("/texts/broadcasts/:id/stop", (req, res) => {
    stopBroadcast(serviceContext(store, res), pathId(req.params.id));
    sendEmpty(res);
  });

  router.post("/texts/broadcasts/:id/archive", (req, res) => {
    archiveBroadcast(serviceContext(store, res), pathId(req.params.id));
    sendEmpty(res);
  });

  router.get("/texts/broadcasts/:id/batches", (req, res) => {
    const campaign = getBroadcast(serviceContext(store, res), pathId(req.params.id));
    const window = paging(req.query);
    const [batches, total] = store.batches.listByCampaign(campaign.id, window.limit, window.offset);
    sendJson(req, res, 200, page(batches, total, window));
  });

  router.post("/texts/broadcasts/:id/batches", (req, res) => {
    const id = addBatch(
      serviceContext(store, res),
      pathId(req.params.id),
      readBatchRequest(req.body),
      strict(req.query),
    );
    sendJson(req, res, 201, { id });
  });

  router.post("/texts/broadcasts/:id/recipients", (req, res) => {
    const ctx = serviceContext(store, res);
    const texts = addRecipients(
      ctx,
      pathId(req.params.id),
      readRecipientArray("addTextBroadcastRecipients", req.body),
      strict(req.query),
    );
    sendJson(req, res, 200, { items: texts });
  });

  router.post("/texts/broadcasts/:id/toggleRecipientsStatus", (req, res) => {
    const enable = queryBoolean(req.query, "enable") ?? false;
    toggleRecipients(
      serviceContext(store, res),
      pathId(req.params.id),
      readRecipientArray("toggleTextBroadcastRecipientsStatus", req.body),
      enable,
    );
    sendEmpty(res);
  });

  router.get("/texts/broadcasts/:id/stats", (req, res) => {
    const ctx = serviceContext(store, res);
    const stats = broadcastStats(
      ctx,
      pathId(req.params.id),
      queryInteger(req.query, "begin"),
      queryInteger(req.query, "end"),
    );
    sendJson(req, res, 200, stats);
  });

  router.get("/texts/broadcasts/:id/texts", (req, res) => {
    const ctx = serviceContext(store, res);
    const campaign = getBroadcast(ctx, pathId(req.params.id));
    const window = paging(req.query);
    const filter = { campaignId: campaign.id, batchId: queryInteger(req.query, "batchId") };
    const [texts, total] = store.texts.find(ctx.accountId, filter, window.limit, window.offset);
    sendJson(req, res, 200, page(texts, total, window));
  });

  return router;
}
