// The benchmarks' shared harness: warm-up runs, then timed runs (process.hrtime.bigint), summarised
// as median and spread; Markdown tables; the environment line every script prints first.
// `--quick` (any script, or `npm run bench -- --quick`) cuts runs to a smoke test: the figures it
// prints prove the script works, not how fast anything is.
import { cpus, loadavg } from 'node:os';

export const QUICK = process.argv.includes('--quick');

/** The generated designs' sizes (rules), as issue #8 asks. */
export const RULE_COUNTS = [10, 100, 1000, 5000] as const;

export type Stats = { runs: number; median: number; min: number; max: number; p90: number; p99: number };

/** Runs for a measurement: `full` normally, at most 3 with --quick. */
export function runsFor(full: number): number {
  return QUICK ? Math.min(full, 3) : full;
}

/** Milliseconds one call of `run` takes. */
export function timeOnce(run: () => unknown): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function timeOnceAsync(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Median, min, max, p90 and p99 of times in ms (nearest rank). */
export function summarize(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  // The median of an even count is the mean of the middle two.
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { runs: sorted.length, median, min: sorted[0], max: sorted[sorted.length - 1], p90: at(0.9), p99: at(0.99) };
}

export type MeasureOptions = {
  /** Timed runs without --quick (see runsFor). */
  runs: number;
  /** Untimed runs first (JIT, caches); 2 by default, 1 with --quick. */
  warmup?: number;
  /**
   * A timed run shorter than this (ms) repeats the call until it lasts about this long and counts
   * the mean per call, so microsecond calls are not lost in timer and scheduling noise. 0.5 ms by
   * default; 0 times every call on its own.
   */
  minRunMs?: number;
};

const warmups = (options: MeasureOptions) => (QUICK ? Math.min(1, options.warmup ?? 2) : (options.warmup ?? 2));

/** Warm-up runs, then timed runs of `run`: one hrtime pair around each (see minRunMs). */
export function measure(run: () => unknown, options: MeasureOptions): Stats {
  for (let i = 0; i < warmups(options); i++) run();
  const once = timeOnce(run);
  const minRunMs = options.minRunMs ?? 0.5;
  const calls = once >= minRunMs ? 1 : Math.min(1000, Math.ceil(minRunMs / Math.max(once, 0.001)));
  const timed = calls === 1 ? run : () => {
    for (let i = 0; i < calls; i++) run();
  };
  return summarize(Array.from({ length: runsFor(options.runs) }, () => timeOnce(timed) / calls));
}

export async function measureAsync(run: () => Promise<unknown>, options: MeasureOptions): Promise<Stats> {
  for (let i = 0; i < warmups(options); i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runsFor(options.runs); i++) times.push(await timeOnceAsync(run));
  return summarize(times);
}

// ---- Formatting -------------------------------------------------------------------------------

/** 0.012 ms, 1.23 ms, 12.3 ms, 123 ms, 1,234 ms. */
export function ms(value: number): string {
  if (value < 0.1) return `${value.toFixed(3)} ms`;
  if (value < 10) return `${value.toFixed(2)} ms`;
  if (value < 100) return `${value.toFixed(1)} ms`;
  return `${Math.round(value).toLocaleString('en-US')} ms`;
}

/** Microseconds, for per-rule and per-request costs. */
export function us(valueMs: number): string {
  const value = valueMs * 1000;
  if (value < 10) return `${value.toFixed(2)} µs`;
  if (value < 100) return `${value.toFixed(1)} µs`;
  return `${Math.round(value).toLocaleString('en-US')} µs`;
}

/** `median (min–max)`, the cell every table uses. */
export function medianCell(stats: Stats): string {
  return `${ms(stats.median)} (${bare(stats.min)}–${bare(stats.max)})`;
}

const bare = (value: number) => ms(value).replace(' ms', '');

/** `2.4×` */
export function ratio(value: number, floor: number): string {
  const r = value / floor;
  return `${r < 10 ? r.toFixed(1) : Math.round(r).toLocaleString('en-US')}×`;
}

export function int(value: number): string {
  return value.toLocaleString('en-US');
}

export function kib(chars: number): string {
  return `${int(Math.round(chars / 1024))} KiB`;
}

/**
 * How time grows against the previous size: `×9.6` when rules grew ×10. Linear growth gives the
 * same factor as the rules; a constant overhead gives less at small sizes.
 */
export function growth(current: number, previous: number | undefined): string {
  return previous === undefined ? '–' : `×${(current / previous).toFixed(1)}`;
}

/**
 * The three columns every size table prints after a median: its ratio to the floor, its cost per
 * rule, and its growth against the previous size's median.
 */
export function relativeCells(median: number, floor: number, rules: number, previous: number | undefined): string[] {
  return [ratio(median, floor), us(median / rules), growth(median, previous)];
}

export type Align = 'left' | 'right';

/** A Markdown table; the first column left-aligned, the others right-aligned unless told. */
export function markdownTable(headers: string[], rows: string[][], align?: Align[]): string {
  const sides = headers.map((_, i) => align?.[i] ?? (i === 0 ? 'left' : 'right'));
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${headers.map(escape).join(' | ')} |`,
    `| ${sides.map((side) => (side === 'left' ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

export function printTable(headers: string[], rows: string[][], align?: Align[]): void {
  console.log(`${markdownTable(headers, rows, align)}\n`);
}

/** The first lines every script prints: what ran, on which Node and CPU, how loaded the machine was. */
export function printEnvironment(title: string): void {
  const cpu = cpus();
  const load = loadavg().map((l) => l.toFixed(1)).join(', ');
  console.log(`## ${title}\n`);
  console.log(`Node ${process.version}, ${cpu[0]?.model?.trim() ?? 'unknown CPU'} × ${cpu.length}, load average ${load}${QUICK ? ' — **--quick: a smoke run, figures not for publishing**' : ''}\n`);
}
