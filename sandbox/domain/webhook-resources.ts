// The webhook resources and their events. The sandbox fires the three text resources; the
// others can be registered, as on CallFire, and simply never fire here.
import { badRequest } from "./api-error.js";

export const WEBHOOK_RESOURCES: Readonly<Record<string, readonly string[]>> = {
  MonthlyRenewal: ["Finished", "Failed"],
  LowBalance: ["Finished", "Failed"],
  CccCampaign: ["Started", "Stopped", "Finished"],
  CallBroadcast: ["Started", "Stopped", "Finished"],
  TextBroadcast: ["Started", "Stopped", "Finished"],
  OutboundCall: ["Finished"],
  InboundCall: ["Finished"],
  OutboundText: ["Finished"],
  InboundText: ["Finished"],
  ContactList: ["ValidationFinished", "ValidationFailed"],
  OutboundTextDeliveryReport: ["Received"],
};

/** The resource's name as CallFire spells it; unknown names are a 400 listing the known ones. */
export function webhookResource(name: string): string {
  const found = Object.keys(WEBHOOK_RESOURCES).find((known) => known.toLowerCase() === name.toLowerCase());
  if (found === undefined) {
    throw badRequest(
      `Unknown webhook resource "${name}"`,
      `Known resources: ${Object.keys(WEBHOOK_RESOURCES).join(", ")}`,
    );
  }
  return found;
}

/** Event names are matched case-insensitively and stored capitalized, as CallFire sends them. */
export function webhookEvent(resource: string, name: string): string {
  const supported = WEBHOOK_RESOURCES[resource] ?? [];
  const found = supported.find((known) => known.toLowerCase() === name.toLowerCase());
  if (found === undefined) {
    throw badRequest(
      `Event [${name}] is unsupported for ${resource} resource, supported events are: [${supported.join(", ")}]`,
    );
  }
  return found;
}
