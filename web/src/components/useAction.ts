// Runs a user's action against the API: clears old messages, shows the success notice or the error,
// then reloads the page's data. Returns whether the action succeeded.
import { useState } from "react";

export function useAction(reload: () => Promise<unknown>) {
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  async function run(action: () => Promise<string | null>): Promise<boolean> {
    setError(null);
    setNotice(null);
    try {
      setNotice(await action());
      await reload();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    }
  }
  return { error, setError, notice, run };
}
