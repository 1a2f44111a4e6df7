/**
 * A self-contained page (no scripts, no assets that could fail too), styled like the web
 * app's error pages: for answers given before the web app can render (the database is
 * away, the address cannot even be read).
 */
/** Text made safe inside HTML (tests compare pages with it too). */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function plainPageHtml(page: { title: string; message: string; action: { href: string; label: string } }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(page.title.includes("Live Sessions") ? page.title : `${page.title} — Live Sessions`)}</title>
<style>
  body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937; background: #faf9fb; }
  header { padding: .75rem 1rem; border-bottom: 1px solid #e5e7eb; background: #fff; font-weight: 700; color: #6d28d9; }
  main { max-width: 36rem; margin: 0 auto; padding: 3rem 1rem; text-align: center; }
  h1 { font-size: 1.5rem; margin: 0 0 1rem; }
  a { display: inline-block; margin-top: 1rem; padding: .5rem 1rem; border-radius: 8px; background: #6d28d9; color: #fff; text-decoration: none; }
</style>
</head>
<body>
<header>Live Sessions</header>
<main>
<h1>${escapeHtml(page.title)}</h1>
<p>${escapeHtml(page.message)}</p>
<a href="${escapeHtml(page.action.href)}">${escapeHtml(page.action.label)}</a>
</main>
</body>
</html>
`;
}
