import type { PhraseTable } from "../phrase-table.ts";
import { EN } from "./en.ts";
import { ZH } from "./zh.ts";

/**
 * Every language the classifier reads. One automaton holds them all: carrier texts mix languages
 * ("Arrived at 【深圳转运中心】", "Zugestellt / Delivered"), so no language detection is needed.
 * Where two tables share a pattern, the earlier table's row wins.
 */
export const PHRASE_TABLES: readonly PhraseTable[] = [EN, ZH];
