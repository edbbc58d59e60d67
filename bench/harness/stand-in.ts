// What the stand-in upstream answers for GET /v2/texts?id=N: the one text, with exactly the fields
// `text(id)` selects (what CallFire sends back for the graph's partial response), so the graph and the
// reference servers receive and parse the same bytes.
/** The stand-in's answer delay in ms (its child reads it). */
export const STAND_IN_LATENCY_VARIABLE = "BENCH_STAND_IN_LATENCY_MS";
/** The stand-in's origin, for the reference servers (their child reads it). */
export const UPSTREAM_VARIABLE = "BENCH_UPSTREAM_ORIGIN";
export const STAND_IN_LOGIN = "bench";
export const STAND_IN_PASSWORD = "bench-password";

export interface StandInText {
  id: number;
  toNumber: string;
  state: string;
  finalTextResult: string;
  message: string;
}

export function standInText(id: number): StandInText {
  return {
    id,
    toNumber: "12135551234",
    state: "FINISHED",
    finalTextResult: "SENT",
    message: `Bench text ${id}: your order has shipped and will arrive on Tuesday.`,
  };
}
