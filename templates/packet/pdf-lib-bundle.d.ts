// pdf-lib's single-file build: the same API as "pdf-lib", loaded as one file instead of ~300, which
// halves the drawing thread's start-up.
declare module "pdf-lib/dist/pdf-lib.min.js" {
  import * as pdfLib from "pdf-lib";
  export default pdfLib;
}
