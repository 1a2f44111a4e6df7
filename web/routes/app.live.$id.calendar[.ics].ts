/** `/app/live/:id/calendar.ics`: the class for the viewer's calendar (its expert and enrolled students). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { graphql } from "../graphql/__generated__";
import { load } from "../lib/graphql-errors.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const data = await load(request, () => context.gql(SESSION_CALENDAR, { id: params.id! }));
  const ics = data.session?.viewerCalendar?.ics;
  if (!ics) throw new Response("This class is not in your classes (or it was cancelled), so there is nothing to add to your calendar.", { status: 404 });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="live-session-${params.id}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}

const SESSION_CALENDAR = graphql(`
  query SessionCalendar($id: ID!) {
    session(id: $id) {
      id
      viewerCalendar {
        ics
      }
    }
  }
`);
