/**
 * The web app's pages that the API's answers link to. The faces write these links (REST's
 * and GraphQL's `sessionUrl`); the domain knows no URL. The paths are the web's routes
 * (web/routes/app.live.host.$id.tsx).
 */

/** The expert's room page of a session. */
export const hostRoomUrl = (appUrl: string, sessionId: string): string => `${appUrl}/app/live/host/${sessionId}`;

/** A session's page (students see it, enroll, add it to a calendar). */
export const sessionPageUrl = (appUrl: string, sessionId: string): string => `${appUrl}/app/live/${sessionId}`;
/** The student's join page: it moves them into the room when the class starts. */
export const joinPageUrl = (appUrl: string, sessionId: string): string => `${appUrl}/app/live/join/${sessionId}`;
/** The signed-in user's email settings (web/routes/app.live.settings.tsx). */
export const settingsPageUrl = (appUrl: string): string => `${appUrl}/app/live/settings`;
/** The signed unsubscribe address in every email (api/http/unsubscribe.ts): works without signing in. */
export const unsubscribeUrl = (appUrl: string, token: string): string => `${appUrl}/email/unsubscribe?token=${encodeURIComponent(token)}`;
/** A session as an .ics download for the viewer's calendar (web/routes/app.live.$id.calendar[.ics].ts). */
export const calendarDownloadUrl = (appUrl: string, sessionId: string): string => `${appUrl}/app/live/${sessionId}/calendar.ics`;
/** A webhook endpoint's page (web/routes/app.live.webhooks.$id.tsx). */
export const webhookEndpointPageUrl = (appUrl: string, endpointId: string): string => `${appUrl}/app/live/webhooks/${endpointId}`;
