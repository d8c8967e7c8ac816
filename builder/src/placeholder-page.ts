/**
 * The page the API serves at `/` until the builder app lands (issue #3). Bilingual, no
 * external assets, links to what works today.
 */
export const placeholderPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Omniflow</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; color: #1f2937; }
  h1 { color: #4338ca; }
  code { background: #f3f4f6; padding: 0.1rem 0.3rem; border-radius: 0.25rem; }
  [lang="es"] { color: #4b5563; }
</style>
</head>
<body>
  <h1>Omniflow</h1>
  <p lang="en">The API is running. The visual flow builder is coming; until then use the REST API.</p>
  <p lang="es">La API está funcionando. El editor visual de flujos está en camino; mientras tanto, usa la API REST.</p>
  <ul>
    <li><a href="/api/v1/health">/api/v1/health</a></li>
    <li><a href="/api/v1/openapi.json">/api/v1/openapi.json</a> — <a href="/api/docs">API docs / documentación</a></li>
  </ul>
</body>
</html>
`;
