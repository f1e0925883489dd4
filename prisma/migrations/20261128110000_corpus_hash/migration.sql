-- AlterTable
ALTER TABLE "QaPair" ADD COLUMN     "contentHash" TEXT;
