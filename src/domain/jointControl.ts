// Networks where running a channel makes the organisation a joint controller with the network (Art. 26 DSGVO):
// Facebook pages (EuGH C-210/16 "Wirtschaftsakademie", 2018; the data protection conference's decision of 2022) and
// Instagram professional accounts, both with Meta. Their connectors are off until an administrator turns them on for
// the organisation, and the channels page names what the organisation must do (jointControlDuties).

export const JOINT_CONTROL_NETWORKS = ["facebook", "instagram"] as const;
export type JointControlNetwork = (typeof JOINT_CONTROL_NETWORKS)[number];

/** Whether accounts of this network may be added and connected only after an administrator turned it on. */
export function needsEnabling(network: string): network is JointControlNetwork {
  return (JOINT_CONTROL_NETWORKS as readonly string[]).includes(network);
}

/** What the organisation must do before and while it runs such a channel (shown with the switch, in this order). */
export const JOINT_CONTROL_DUTIES = ["agreement", "information", "assessment"] as const;
