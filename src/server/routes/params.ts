// Path parameters shared by the organisation routes.
import { z } from "zod";

export const ZOrgParams = z.object({ orgId: z.uuid() });
export const ZDepartmentParams = ZOrgParams.extend({ departmentId: z.uuid() });
export const ZMemberParams = ZOrgParams.extend({ userId: z.uuid() });
