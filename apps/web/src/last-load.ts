import { useCallback, useRef } from 'react';

/**
 * "The last request wins" for a component's loads: call `begin()` before asking and check the function it returns
 * before setting state from the answer. An earlier load (another year's, filter's, page's or procedure's) that is
 * answered after a later one, as happens on a slow moment, is then dropped instead of replacing what the person asked
 * for last.
 */
export function useLastLoad(): () => () => boolean {
  const last = useRef(0);
  return useCallback(() => {
    const ticket = ++last.current;
    return () => ticket === last.current;
  }, []);
}
