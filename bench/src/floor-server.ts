// The raw floor: node:http + pg, no GraphQL, no authentication, no validation, answering each workload
// with the very statements the Binaan API runs (imported from @binaan/api/analytics) or, for the
// village page and the report submission, the obvious hand-written SQL. What Binaan adds on top of this
// is the price of the API.
// Usage: tsx floor-server.ts <databaseUrl> <port>
import { createServer } from 'node:http';
import { coverageByArea, overviewFigures, reportStats } from '@binaan/api/analytics';
import { postgresSql } from '@binaan/db';
import pg from 'pg';
import { COVERAGE_FILTER, REPORTS_FILTER } from './workloads.js';

const [connectionString, port] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString, max: 10 });
// The API's own executor, so that a statement the API prepares (QueryOptions.reusePlan) is prepared here too.
const sql = postgresSql(pool);

const VILLAGE_PAGE = `
  SELECT v.id, v.code, v.name, r.code AS regency_code, r.name AS regency_name, p.code AS province_code, p.name AS province_name
    FROM village v JOIN regency r ON r.id = v.regency_id JOIN province p ON p.id = v.province_id
   WHERE v.code > $1 ORDER BY v.code LIMIT 50`;

const SUBMIT = `
  WITH village_row AS (
    SELECT v.id, v.regency_id, v.province_id,
           (SELECT g.id FROM designation g WHERE g.village_id = v.id AND g.status = 'ACTIVE' ORDER BY g.id LIMIT 1) AS designation_id
      FROM village v WHERE v.code = $1
  ), report AS (
    INSERT INTO village_report (submitter, source, client_reference, village_id, regency_id, province_id, designation_id, type, occurred_on,
                                submitted_at, people_involved, description, status, status_changed_at)
    SELECT 'bench', 'bench:floor', $2, id, regency_id, province_id, designation_id, 'FOREIGN_NATIONAL_PRESENT', current_date, now(), 1,
           'Benchmark submission.', 'SUBMITTED', now() FROM village_row
    RETURNING id
  )
  INSERT INTO report_status_transition (report_id, from_status, to_status, changed_at, changed_by)
  SELECT id, NULL, 'SUBMITTED', now(), 'bench:floor' FROM report RETURNING report_id`;

async function answer(path: string, body: string): Promise<unknown> {
  const url = new URL(path, 'http://floor');
  switch (url.pathname) {
    case '/overview':
      return overviewFigures(sql, {}, new Date());
    case '/coverage':
      return coverageByArea(sql, 'REGENCY', COVERAGE_FILTER);
    case '/reports':
      return reportStats(sql, ['REGENCY', 'MONTH'], REPORTS_FILTER);
    case '/villages':
      return (await pool.query(VILLAGE_PAGE, [url.searchParams.get('after') ?? ''])).rows;
    case '/submit': {
      const { villageCode, clientReference } = JSON.parse(body) as { villageCode: string; clientReference: string };
      return (await pool.query(SUBMIT, [villageCode, clientReference])).rows;
    }
    default:
      throw new Error(`no such workload: ${url.pathname}`);
  }
}

createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    answer(request.url ?? '/', body).then(
      (result) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ data: result }));
      },
      (error: Error) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ errors: [{ message: error.message }] }));
      },
    );
  });
}).listen(Number(port), '127.0.0.1', () => console.log(`floor ready on ${port}`));
process.on('SIGTERM', () => process.exit(0));
