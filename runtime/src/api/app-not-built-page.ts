/**
 * What `/` answers when the web app has not been built (builder/dist is missing): the API works,
 * the app does not, and how to get it. Plain HTML with no assets, in both languages.
 */
export const appNotBuiltPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Omniflow API</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; color: #1f2937; }
  code { background: #f3f4f6; padding: 0.1rem 0.3rem; border-radius: 0.25rem; }
  [lang="es"] { color: #4b5563; }
</style>
</head>
<body>
  <h1>Omniflow API</h1>
  <p lang="en">The API is running, but the web app is not built on this server. Build it with
  <code>npm run build</code> (<code>npm start</code> does it for you), then restart.</p>
  <p lang="es">La API está funcionando, pero la aplicación web no está compilada en este servidor.
  Compílala con <code>npm run build</code> (<code>npm start</code> lo hace por ti) y reinicia.</p>
  <ul>
    <li><a href="/api/docs">/api/docs</a> — API reference / referencia de la API</li>
    <li><a href="/api/v1/health">/api/v1/health</a></li>
  </ul>
</body>
</html>
`;
