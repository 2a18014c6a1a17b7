import type { PhraseTable } from "../phrase-table.ts";
import { DE } from "./de.ts";
import { EN } from "./en.ts";
import { ES } from "./es.ts";
import { FR } from "./fr.ts";
import { IT } from "./it.ts";
import { NL } from "./nl.ts";
import { PL } from "./pl.ts";
import { PT } from "./pt.ts";
import { RU } from "./ru.ts";
import { ZH } from "./zh.ts";

/**
 * Every language the classifier reads. One automaton holds them all: carrier texts mix languages
 * ("Arrived at 【深圳转运中心】", "Zugestellt / Delivered"), so no language detection is needed.
 * Where two tables share a pattern, the earlier table's row wins.
 */
export const PHRASE_TABLES: readonly PhraseTable[] = [EN, ZH, DE, FR, ES, PT, NL, RU, IT, PL];
