/**
 * The role policy the SDK receives as `on-policy-change` (docs/100ms-media-plane.md#what-the-server-sends), built
 * from the emulated template's role names. The SDK takes its capture size, bitrates and
 * what it may publish from here, and the room UI reads `permissions`; our template has
 * `host` (the expert, who may end the room and remove people) and `guest` (students).
 */

export interface HmsRolePolicy {
  name: string;
  priority: number;
  publishParams: {
    allowed: string[];
    audio: { bitRate: number; codec: string };
    video: { bitRate: number; codec: string; frameRate: number; width: number; height: number };
    screen: { bitRate: number; codec: string; frameRate: number; width: number; height: number };
  };
  subscribeParams: { subscribeToRoles: string[]; maxSubsBitRate: number };
  permissions: Record<
    "endRoom" | "removeOthers" | "mute" | "unmute" | "changeRole" | "hlsStreaming" | "rtmpStreaming" | "browserRecording" | "pollRead" | "pollWrite",
    boolean
  >;
}

/** Roles that may end the room and remove others; every other role is a plain participant. */
const MODERATOR_ROLES = new Set(["host"]);

export function rolePolicy(name: string, allRoles: readonly string[]): HmsRolePolicy {
  const moderator = MODERATOR_ROLES.has(name);
  return {
    name,
    priority: moderator ? 1 : 2,
    publishParams: {
      allowed: ["audio", "video"],
      audio: { bitRate: 32, codec: "opus" },
      // 640×480 at 500 kbps: what a yoga class tile needs, and cheap for the forwarder.
      video: { bitRate: 500, codec: "vp8", frameRate: 30, width: 640, height: 480 },
      screen: { bitRate: 1000, codec: "vp8", frameRate: 10, width: 1920, height: 1080 },
    },
    subscribeParams: { subscribeToRoles: [...allRoles], maxSubsBitRate: 3200 },
    permissions: {
      endRoom: moderator,
      removeOthers: moderator,
      mute: moderator,
      unmute: false,
      changeRole: false,
      hlsStreaming: false,
      rtmpStreaming: false,
      browserRecording: false,
      pollRead: false,
      pollWrite: false,
    },
  };
}

/** The params of `on-policy-change` for a peer joining as `role`. */
export function policyChange(role: string, allRoles: readonly string[], templateId: string) {
  return {
    name: role,
    known_roles: Object.fromEntries(allRoles.map((r) => [r, rolePolicy(r, allRoles)])),
    plugins: {},
    template_id: templateId,
    app_data: {},
  };
}
