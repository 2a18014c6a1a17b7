/**
 * How many times other queued work (a setImmediate callback, as an incoming request would be)
 * got a turn while `work` ran. 0 means `work` held the event loop from start to finish.
 */
export async function turnsGivenDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let finished = false;
  let turns = 0;
  const probe = () => {
    if (finished) return;
    turns++;
    setImmediate(probe);
  };
  setImmediate(probe);
  try {
    return { result: await work(), turns };
  } finally {
    finished = true;
  }
}
