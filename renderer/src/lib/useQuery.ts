import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, InputOf, OutputOf } from '../../../shared/contract';
import { call, onDataChanged } from './api';

export interface Query<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
  reload: () => void;
}

/** Loads a channel's result and reloads it whenever the input changes or any write lands. */
export function useQuery<C extends Channel>(channel: C, input: InputOf<C> | undefined, enabled = true): Query<OutputOf<C>> {
  const [state, setState] = useState<{ data?: OutputOf<C>; error: Error | null; loading: boolean }>({ error: null, loading: enabled });
  const key = JSON.stringify(input ?? null);
  const seq = useRef(0);
  const load = useCallback(() => {
    if (!enabled) return;
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    call(channel, input).then(
      (data) => mine === seq.current && setState({ data, error: null, loading: false }),
      (error: Error) => mine === seq.current && setState((s) => ({ ...s, error, loading: false })),
    );
    // `key` stands for `input`: the same value in a new object must not reload.
  }, [channel, key, enabled]);
  useEffect(() => {
    load();
    return onDataChanged(load);
  }, [load]);
  return { data: state.data, error: state.error, loading: state.loading, reload: load };
}
