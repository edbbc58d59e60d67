// First-start data for the default account, so a first query shows something real: broadcasts in several
// states with batches, delivered texts and stats, individual texts, auto-replies and an inbound exchange.
// Times are spread over the last three days.
import {
  addBatch,
  archiveBroadcast,
  createBroadcast,
  startBroadcast,
  stopBroadcast,
  type BroadcastInput,
} from "./domain/broadcasts.service.js";
import { deliveryTick } from "./domain/delivery-simulator.js";
import type { ServiceContext } from "./domain/service-context.js";
import { receiveText, sendTexts } from "./domain/texts.service.js";
import type { Store } from "./store/store.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function seedAccount(store: Store, accountId: number, now: number): void {
  let clock = now - 72 * HOUR;
  const ctx: ServiceContext = { store, accountId, now: () => clock };
  const at = (time: number) => {
    clock = time;
  };
  const deliver = (ticks: number) => {
    for (let i = 0; i < ticks; i += 1) {
      deliveryTick(store, clock, accountId);
      clock += MINUTE;
    }
  };
  // Never strict: a seeded invalid number must not refuse the whole write (strictValidation=false).
  const broadcast = (input: BroadcastInput, start = true) =>
    createBroadcast(ctx, input, { start, strict: false });

  for (const reply of [
    {
      number: "67076",
      keyword: "HELP",
      message: "Sandbox Co: reply STOP to opt out. Questions? Call 12135550100.",
    },
    { match: "opening hours", message: "We are open 9am to 5pm, Monday to Friday." },
    { number: "12135550199", message: "Thanks! You said: ${text.message}" },
  ]) {
    store.autoReplies.insert(accountId, reply, clock);
  }

  // Finished: every text delivered or failed, per the magic numbers.
  broadcast({
    settings: {
      name: "Spring sale",
      message: "Hi ${firstName}, our spring sale starts today: 20% off everything until Sunday!",
      labels: ["promo", "spring"],
    },
    recipients: [
      { phoneNumber: "12135550100", attributes: { firstName: "Ana" } },
      { phoneNumber: "12135550101", attributes: { firstName: "Ben" } },
      { phoneNumber: "12135550001", attributes: { firstName: "Cleo" } },
      { phoneNumber: "12135550002", attributes: { firstName: "Dev" } },
      { phoneNumber: "12135550003", attributes: { firstName: "Eli" } },
      { phoneNumber: "12135550104", attributes: { firstName: "Fay" } },
    ],
  });
  deliver(3);

  // Stopped after the first text and archived: the texts it never sent end UNDIALED. Hidden from search.
  at(now - 60 * HOUR);
  const holiday = broadcast({
    settings: { name: "Holiday greetings", message: "Happy holidays from all of us!", maxActive: 1 },
    recipients: [
      { phoneNumber: "12135550105" },
      { phoneNumber: "12135550106" },
      { phoneNumber: "12135550107" },
    ],
  });
  deliver(2);
  stopBroadcast(ctx, holiday);
  archiveBroadcast(ctx, holiday);

  // Stopped half-way: two texts per tick, stopped after the first two were delivered.
  at(now - 30 * HOUR);
  const reminders = broadcast({
    settings: {
      name: "Appointment reminders",
      message: "Reminder: your appointment is tomorrow at ${time}. Reply C to confirm.",
      maxActive: 2,
      labels: ["reminders"],
    },
    recipients: ["0110", "0111", "0112", "0113", "0114"].map((end, i) => ({
      phoneNumber: `1310555${end}`,
      attributes: { time: `${9 + i}:00` },
    })),
  });
  deliver(2);
  stopBroadcast(ctx, reminders);

  // A draft with a validated contact batch: one number fails validation (batch status ERRORS), one is a duplicate.
  at(now - 6 * HOUR);
  const launch = broadcast(
    {
      settings: {
        name: "Product launch (draft)",
        message: "Meet the new Sandbox Phone: preorders open Friday.",
      },
    },
    false,
  );
  addBatch(
    ctx,
    launch,
    {
      name: "Early adopters",
      scrubDuplicates: false,
      recipients: [
        { phoneNumber: "14155550120" },
        { phoneNumber: "14155550121" },
        { phoneNumber: "4155550121" },
        { phoneNumber: "555-CALL-NOW" },
      ],
    },
    false,
  );

  // Individual texts through the default campaign, and an inbound text answered by the HELP auto-reply.
  at(now - 2 * HOUR);
  sendTexts(
    ctx,
    [
      { phoneNumber: "12135550100", message: "Your order #1042 has shipped." },
      { phoneNumber: "12135550004", message: "Your verification code is 384911." },
    ],
    { strict: false },
  );
  deliver(2);
  receiveText(ctx, { fromNumber: "12135550100", toNumber: "67076", message: "help" });
  deliver(2);

  // Running: the live simulator delivers the rest after start-up (two texts per tick).
  at(now - 5 * MINUTE);
  const newsletter = broadcast(
    {
      settings: {
        name: "Weekly newsletter",
        message:
          "This week at Sandbox Co: new arrivals, a recipe and a discount code. Read more: example.com/news",
        maxActive: 2,
        labels: ["newsletter"],
      },
    },
    false,
  );
  addBatch(
    ctx,
    newsletter,
    {
      name: "Subscribers",
      scrubDuplicates: true,
      recipients: ["0130", "0131", "0132", "0133", "0134", "0135", "0136", "0002"].map((end) => ({
        phoneNumber: `1646555${end}`,
      })),
    },
    false,
  );
  startBroadcast(ctx, newsletter);
  deliver(1);
}
