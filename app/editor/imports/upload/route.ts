import { handleNativeImportUpload } from "@/lib/drafts/native-upload";

// The new-import form's target when the browser runs no JavaScript (see lib/drafts/start-import.ts).
export const dynamic = "force-dynamic";
export const POST = handleNativeImportUpload;
