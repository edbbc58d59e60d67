// Issue 12's targets, each printed beside the figure measured for it: met, or by how much it misses.
import type { ResultTable } from "./result.js";
import { round } from "./stats.js";

export interface Target {
  figure: string;
  measured: number;
  unit: string;
  /** "at most" for costs, "at least" for throughput. */
  bound: "at most" | "at least";
  goal: number;
}

export interface TargetOutcome extends Target {
  met: boolean;
  /** How far past the goal, as a share of it (0 when met). */
  miss: number;
}

export function judge(target: Target): TargetOutcome {
  const met = target.bound === "at most" ? target.measured <= target.goal : target.measured >= target.goal;
  const miss = met
    ? 0
    : target.bound === "at most"
      ? target.measured / target.goal - 1
      : 1 - target.measured / target.goal;
  return { ...target, met, miss };
}

function verdict(outcome: TargetOutcome): string {
  if (outcome.met) return "met";
  const percent = `${Math.round(outcome.miss * 100)}%`;
  return outcome.bound === "at most" ? `missed: ${percent} over` : `missed: ${percent} short`;
}

export function targetTable(caption: string, outcomes: readonly TargetOutcome[]): ResultTable {
  return {
    caption,
    headers: ["figure", "measured", "target", "verdict"],
    rows: outcomes.map((outcome) => [
      outcome.figure,
      `${round(outcome.measured, 3)}${outcome.unit}`,
      `${outcome.bound === "at most" ? "≤" : "≥"} ${outcome.goal}${outcome.unit}`,
      verdict(outcome),
    ]),
  };
}
