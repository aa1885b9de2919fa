/**
 * Type-level helpers for the `*.test-d.ts` files (style guide §7.6). Types only: nothing here runs.
 */

/** Every property at every depth readonly, arrays as readonly arrays; functions and dates left alone. */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends Date
    ? T
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;
