// The organisation's people, for choosing whom to escalate a case to (loaded only when needed).
import { useEffect, useState } from "react";
import { inboxApi } from "../../api/inbox";

export function useColleagues(orgId: string, wanted: boolean) {
  const [colleagues, setColleagues] = useState<{ userId: string; name: string }[]>([]);
  useEffect(() => {
    if (!wanted) return;
    inboxApi.colleagues(orgId).then(
      (r) => setColleagues(r.colleagues),
      () => setColleagues([]),
    );
  }, [orgId, wanted]);
  return colleagues;
}
