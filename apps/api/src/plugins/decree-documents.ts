// A designation's decree (SK) as a PDF, over plain HTTP beside /graphql (a file is not a GraphQL value):
//   PUT /documents/designations/<designation id>/decree   the PDF as the body (application/pdf)
//   GET /documents/designations/<designation id>/decree   the latest one, checked against its SHA-256
//   GET …/decree?sha256=<hex>                                an earlier version, by its checksum
// Same callers, areas and audit as the GraphQL writes: a session or token that may read records (GET) or
// write them (PUT) inside the designation's area; anything else is refused and nothing is written. The
// body is counted as it arrives and cut off past MAX_DECREE_PDF_BYTES; only a file that is a PDF by its
// own first bytes is kept. Every upload is kept (a newer one does not erase an older one).
import { createHash } from 'node:crypto';
import type { Database, Prisma, PrismaClient } from '@binaan/db';
import { MAX_DECREE_PDF_BYTES } from '@binaan/domain';
import type { Plugin } from 'graphql-yoga';
import { inScope } from '../auth/permissions.js';
import { identifyRequest, localeOf } from '../context.js';
import { decodeGlobalId } from '../global-ids.js';
import { localize } from '../messages.js';

export const DOCUMENTS_PATH = '/documents/';
const DECREE_PATH = /^\/documents\/designations\/([^/]+)\/decree$/;

/** Where a designation's decree is read and written. */
export const decreeDocumentPath = (designationGlobalId: string) =>
  `${DOCUMENTS_PATH}designations/${encodeURIComponent(designationGlobalId)}/decree`;

type Refusal = { status: number; code: string; message: string };

const refuse = (status: number, code: string, message: string): Refusal => ({ status, code, message });

/** Reads at most `maxBytes` of the body, counting what arrives; null when there is more. */
async function readWithin(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

/** A file name safe in a header and on any disk: letters, digits, dot, dash and underscore. */
function safeFileName(header: string | null, fallback: string): string {
  let name = fallback;
  try {
    name = header ? decodeURIComponent(header) : fallback;
  } catch {
    name = fallback;
  }
  const cleaned = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 120);
  return cleaned.toLowerCase().endsWith('.pdf') ? cleaned : `${cleaned || 'sk'}.pdf`;
}

export function useDecreeDocuments(db: Database): Plugin {
  const prisma = db.prisma as PrismaClient;
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const match = DECREE_PATH.exec(url.pathname);
      if (!match) return;
      const locale = localeOf(request);
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify(body), {
            status,
            headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
          }),
        );
      const fail = (refusal: Refusal) =>
        json(refusal.status, {
          error: { code: refusal.code, message: localize(refusal.message, locale), field: 'file' },
        });

      let id: { typename: string; id: string } | null = null;
      try {
        id = decodeGlobalId(decodeURIComponent(match[1]!));
      } catch {
        id = null;
      }
      if (!id || id.typename !== 'Designation') return fail(refuse(404, 'NOT_FOUND', 'No such designation.'));
      const { caller, permissions, actor } = await identifyRequest(db, request);
      const designation = await prisma.designation.findUnique({
        where: { id: Number(id.id) },
        select: { id: true, village: { select: { code: true, regencyId: true } } },
      });
      // Outside the caller's area it does not exist, as for node(id).
      if (!designation || !permissions.readRecords || !inScope(permissions, designation.village.regencyId)) {
        return fail(refuse(404, 'NOT_FOUND', 'No such designation.'));
      }

      if (request.method === 'GET' || request.method === 'HEAD') {
        // `?sha256=<hex>` names an earlier version (each is kept); without it, the one in force.
        const version = url.searchParams.get('sha256');
        if (version !== null && !/^[0-9a-f]{64}$/.test(version)) {
          return fail(refuse(404, 'NOT_FOUND', 'No decree has been uploaded for this designation.'));
        }
        const document = await prisma.designationDocument.findFirst({
          where: { designationId: designation.id, ...(version ? { sha256: version } : {}) },
          orderBy: [{ uploadedAt: 'desc' }, { id: 'desc' }],
        });
        if (!document) return fail(refuse(404, 'NOT_FOUND', 'No decree has been uploaded for this designation.'));
        const content = Buffer.from(document.content);
        // What is served is what was stored: a damaged file is an error, never a silent download.
        if (createHash('sha256').update(content).digest('hex') !== document.sha256) {
          return fail(refuse(500, 'CHECKSUM_MISMATCH', 'The stored decree does not match its checksum.'));
        }
        return endResponse(
          new fetchAPI.Response(request.method === 'HEAD' ? null : content, {
            status: 200,
            headers: {
              'content-type': 'application/pdf',
              'content-length': String(content.byteLength),
              'content-disposition': `attachment; filename="${document.fileName}"`,
              'x-content-type-options': 'nosniff',
              'cache-control': 'private, no-store',
              etag: `"${document.sha256}"`,
              'x-binaan-sha256': document.sha256,
            },
          }),
        );
      }

      if (request.method !== 'PUT') return json(405, { error: { code: 'METHOD_NOT_ALLOWED' } }, { allow: 'GET, PUT' });
      // As for GraphQL: a cross-site form cannot send this header, so a cookie alone cannot upload.
      if (!request.headers.get('x-binaan-client')) {
        return fail(refuse(403, 'FORBIDDEN', 'This client may only send its registered documents.'));
      }
      if (!permissions.writeRecords || !inScope(permissions, designation.village.regencyId)) {
        return fail(
          refuse(403, 'FORBIDDEN', permissions.signedIn ? 'Your role may not make this change.' : 'Sign in first.'),
        );
      }
      const body = await readWithin(request, MAX_DECREE_PDF_BYTES);
      if (body === null) {
        return fail(
          refuse(413, 'FILE_TOO_LARGE', `The decree file is larger than ${MAX_DECREE_PDF_BYTES / 1024 / 1024} MB.`),
        );
      }
      if (body.byteLength === 0) return fail(refuse(400, 'FILE_EMPTY', 'Choose the decree file (PDF).'));
      if (!isPdf(body)) return fail(refuse(415, 'NOT_A_PDF', 'The decree file must be a PDF.'));
      const sha256 = createHash('sha256').update(body).digest('hex');
      const fileName = safeFileName(request.headers.get('x-file-name'), `SK-${designation.village.code}.pdf`);
      const stored = await prisma.$transaction(async (tx: Prisma.TransactionClient) => {
        const document = await tx.designationDocument.create({
          data: {
            designationId: designation.id,
            fileName,
            byteSize: body.byteLength,
            sha256,
            content: Buffer.from(body),
            uploadedBy: actor,
          },
          select: { id: true, fileName: true, byteSize: true, sha256: true, uploadedAt: true },
        });
        await tx.auditLog.create({
          data: {
            actor,
            userId: caller.kind === 'user' ? caller.userId : null,
            tokenId: caller.kind === 'token' ? caller.tokenId : null,
            action: 'attachDecreeDocument',
            entity: 'Designation',
            entityId: String(designation.id),
            after: { documentId: document.id, fileName, byteSize: body.byteLength, sha256 },
          },
        });
        return document;
      });
      return json(201, { document: { ...stored, uploadedAt: stored.uploadedAt.toISOString() } });
    },
  };
}
