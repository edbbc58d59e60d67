// Markdown pipe tables: readable in a terminal and pasteable into bench/RESULTS.md as they are.

export type Cell = string | number;

export interface Table {
  headers: string[];
  rows: Cell[][];
}

export function markdownTable({ headers, rows }: Table): string {
  const text = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, column) => Math.max(3, ...text.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(" | ")} |`;
  return [line(text[0]), line(widths.map((width) => "-".repeat(width))), ...text.slice(1).map(line)].join(
    "\n",
  );
}

/** "12.3×": a ratio as the tables print it. */
export function times(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(ratio < 10 ? 2 : 1)}×` : "n/a";
}
