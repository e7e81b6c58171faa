-- CreateTable
CREATE TABLE "dossier_chunk" (
    "dossier_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dossier_chunk_pkey" PRIMARY KEY ("dossier_id","seq")
);

-- AddForeignKey
ALTER TABLE "dossier_chunk" ADD CONSTRAINT "dossier_chunk_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ZIP bytes do not compress: skip TOAST's compression attempt on every chunk.
ALTER TABLE "dossier_chunk" ALTER COLUMN "data" SET STORAGE EXTERNAL;
