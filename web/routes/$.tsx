/**
 * Any address no page answers (`/app/live/a/b`): a 404 through the app's own error page.
 * A route that matches, rather than Remix's "no route matches", so the page the browser
 * hydrates is the page the server rendered, with the header of the person signed in.
 */
export const loader = () => {
  throw new Response("There is no page at this address. The link may be old or mistyped.", { status: 404 });
};

export default function NotFound() {
  return null;
}
