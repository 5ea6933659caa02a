// A shared item as lists and the item page show it, with the organisation's copy when it adopted one.
import type { knowledgeAdoptions, knowledgeSharedItems } from "../../db/schema/index.js";

type ItemRow = typeof knowledgeSharedItems.$inferSelect;
type AdoptionRow = typeof knowledgeAdoptions.$inferSelect;

/** A newer version than the adopted one, and newer than one the organisation chose to leave. */
export function updateAvailable(
  item: Pick<ItemRow, "version">,
  adoption: Pick<AdoptionRow, "adoptedVersion" | "declinedVersion"> | null,
): boolean {
  return adoption !== null && item.version > adoption.adoptedVersion && item.version > (adoption.declinedVersion ?? 0);
}

export function presentItem(
  item: ItemRow,
  args: { adoption: AdoptionRow | null; adoptionCount: number; sourceChanged: boolean; own: boolean },
) {
  const { adoption } = args;
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    version: item.version,
    checkedAt: item.checkedAt,
    withdrawnAt: item.withdrawnAt,
    sourceId: args.own ? item.sourceId : null,
    sourceChanged: args.sourceChanged,
    adoptionCount: args.adoptionCount,
    adoption: adoption
      ? {
          targetId: adoption.targetId,
          adoptedVersion: adoption.adoptedVersion,
          declinedVersion: adoption.declinedVersion,
          adoptedAt: adoption.adoptedAt,
        }
      : null,
    updateAvailable: updateAvailable(item, adoption),
  };
}
