/**
 * The fixed facts about the emulated 100ms account: one app, one template whose roles
 * are the only roles that codes and joins accept (docs/100ms.md#template-and-roles).
 */
export interface Workspace {
  customerId: string;
  appId: string;
  templateId: string;
  templateName: string;
  roles: readonly string[];
  /** What a room's `auto` region resolves to: the template's region. */
  region: string;
}
