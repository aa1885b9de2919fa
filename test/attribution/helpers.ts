import { expect } from "vitest";
import type { AttributionResult, ChannelCredit } from "../../src/attribution/types.js";
import { InvalidArgumentError } from "../../src/errors.js";

/** The entry of `channel` in a result (fails the test when absent). */
export function creditOf<C extends ChannelCredit>(result: { readonly channels: readonly C[] }, channel: string): C {
  const entry = result.channels.find((c) => c.channel === channel);
  expect(entry, `channel ${channel} missing`).toBeDefined();
  return entry!;
}

/** Asserts that `fn` throws an InvalidArgumentError from `functionName` whose message contains every fragment. */
export function expectThrowsNaming(fn: () => unknown, functionName: string, fragments: readonly string[]): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, "expected a throw").toBeInstanceOf(InvalidArgumentError);
  const message = (caught as Error).message;
  expect(message.startsWith(`${functionName}: `), message).toBe(true);
  for (const f of fragments) expect(message, `missing "${f}"`).toContain(f);
}

/** Σ of a numeric field over the channels. */
export function sumOf(result: AttributionResult, field: "conversions" | "value" | "share"): number {
  let s = 0;
  for (const c of result.channels) s += c[field];
  return s;
}
