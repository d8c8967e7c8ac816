import pg from 'pg';
import { freshPostgresDatabase } from './test/support/postgres.ts';
const base = process.env.OMNIFLOW_TEST_DATABASE_URL!;
const a = await freshPostgresDatabase(base), b = await freshPostgresDatabase(base + '?application_name=x');
console.log(a.url, b.url);
const c = new pg.Client({ connectionString: b.url }); c.on('error', (e) => console.log('client error event:', e.message)); await c.connect();
console.log((await c.query('select current_database() as d')).rows[0]);
setTimeout(() => void c.end(), 500); // closes while drop() retries
let t = Date.now(); await b.drop(); console.log('drop b', Date.now() - t, 'ms');
const d = new pg.Client({ connectionString: a.url }); d.on('error', (e) => console.log('leaked client error event:', e.message)); await d.connect();
t = Date.now(); await a.drop(); console.log('drop a (leaked conn)', Date.now() - t, 'ms'); await a.drop();
try { await freshPostgresDatabase(''); } catch (e) { console.log('expected:', (e as Error).message); }
