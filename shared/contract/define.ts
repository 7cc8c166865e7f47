import type { z } from 'zod';

/** One contract entry: the input is checked at runtime, the output type only at compile time. */
export interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type; never set. */
  output?: O;
}

export const returns =
  <O>() =>
  <I extends z.ZodType>(input: I): ChannelDef<I, O> => ({ input });
