/** The local stand-in for 100ms's realtime side (init, signalling, werift SFU). Never used in production (it refuses to start). */
export { startHmsMediaPlane, type HmsMediaPlane, type HmsMediaPlaneOptions } from "./server.js";
