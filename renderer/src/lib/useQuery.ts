import { useCallback, useEffect, useRef, useState } from 'react';
import { contract, type Channel, type InputOf, type OutputOf } from '../../../shared/contract';
import { call, watchQuery } from './api';
import { usePageShown } from './kept-page';

export interface Query<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
  reload: () => void;
  /** This query's id: a write made from here passes it as `from`, so it does not reload what it just saved. */
  id: number | null;
}

/**
 * Loads a channel's result; reloads when the input changes or a write touches a tag the channel reads.
 * On a kept page that is not showing, a write's reload waits until the page shows again: the clients
 * grid would otherwise rebuild 50,000 rows behind the form the user just saved.
 */
export function useQuery<C extends Channel>(channel: C, input: InputOf<C> | undefined, enabled = true): Query<OutputOf<C>> {
  const [state, setState] = useState<{ data?: OutputOf<C>; error: Error | null; loading: boolean }>({ error: null, loading: enabled });
  const key = JSON.stringify(input ?? null);
  const seq = useRef(0);
  /** A write touched what this reads while its page was not showing. */
  const stale = useRef(false);
  const [id, setId] = useState<number | null>(null);
  const load = useCallback(() => {
    if (!enabled) return;
    stale.current = false;
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    call(channel, input).then(
      (data) => mine === seq.current && setState({ data, error: null, loading: false }),
      (error: Error) => mine === seq.current && setState((s) => ({ ...s, error, loading: false })),
    );
    // `key` stands for `input`: the same value in a new object must not reload.
  }, [channel, key, enabled]);
  const shown = usePageShown();
  const shownNow = useRef(shown);
  shownNow.current = shown;
  useEffect(() => {
    load();
    const watch = watchQuery(contract[channel].reads, () => (shownNow.current ? load() : (stale.current = true)));
    setId(watch.id);
    return watch.stop;
  }, [load, channel]);
  useEffect(() => {
    if (shown && stale.current) load();
  }, [shown]);
  return { data: state.data, error: state.error, loading: state.loading, reload: load, id };
}
