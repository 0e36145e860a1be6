-- Decrees (SK) as uploaded PDFs, kept in the database with their checksum (README: where and why).

-- CreateTable
CREATE TABLE "designation_document" (
    "id" SERIAL NOT NULL,
    "designation_id" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "uploaded_by" TEXT NOT NULL,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "designation_document_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "designation_document_designation_id_uploaded_at_idx" ON "designation_document"("designation_id", "uploaded_at");

-- AddForeignKey
ALTER TABLE "designation_document" ADD CONSTRAINT "designation_document_designation_id_fkey" FOREIGN KEY ("designation_id") REFERENCES "designation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
