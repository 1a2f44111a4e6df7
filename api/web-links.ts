/**
 * The web app's pages that the API's answers link to. The faces write these links (REST's
 * and GraphQL's `sessionUrl`); the domain knows no URL. The paths are the web's routes
 * (web/routes/app.live.host.$id.tsx).
 */

/** The expert's room page of a session. */
export const hostRoomUrl = (appUrl: string, sessionId: string): string => `${appUrl}/app/live/host/${sessionId}`;
