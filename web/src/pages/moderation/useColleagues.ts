// The organisation's people, for choosing whom to escalate a case to (loaded only when needed).
import { useState } from "react";
import { inboxApi } from "../../api/inbox";
import { useLoad } from "../../api/useLoad";

export function useColleagues(orgId: string, wanted: boolean) {
  const [colleagues, setColleagues] = useState<{ userId: string; name: string }[]>([]);
  useLoad(
    (signal) => inboxApi.colleagues(orgId, { signal }),
    (r) => setColleagues(r.colleagues),
    [orgId],
    {
      enabled: wanted,
      onError: () => setColleagues([]),
    },
  );
  return colleagues;
}
