/**
 * Every number format, in the order ties are broken: formats with a distinctive prefix or a check
 * digit first, bare digit runs last.
 */
import type { NumberFormat } from "../types.ts";
import { LAST_MILE_CARRIER_FORMATS } from "./last-mile-carriers.ts";
import { MARKETPLACE_LOGISTICS_FORMATS } from "./marketplace-logistics.ts";
import { REGIONAL_CARRIER_FORMATS } from "./regional-carriers.ts";
import { TRACKING_NUMBER_DATA_FORMATS } from "./tracking-number-data.ts";
import { S10_FORMAT } from "./upu-s10.ts";

export const NUMBER_FORMATS: readonly NumberFormat[] = [
  S10_FORMAT,
  ...MARKETPLACE_LOGISTICS_FORMATS,
  ...TRACKING_NUMBER_DATA_FORMATS,
  ...REGIONAL_CARRIER_FORMATS,
  ...LAST_MILE_CARRIER_FORMATS,
];
