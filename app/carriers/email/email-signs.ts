/**
 * What tells a shipping e-mail apart: the marketplace's sender domains and names, the labels an
 * order number stands behind, and the labels that say what a date is. Data, per language.
 * Sources: AliExpress and Temu notification senders and wording as buyers see them (synthetic
 * fixtures in tests/fixtures/emails are modelled on them), the contract's platforms.
 */
import type { Platform } from "../../../machines/vocabulary.ts";

export const PLATFORM_SIGNS: ReadonlyArray<{ platform: Exclude<Platform, "other">; domains: readonly string[]; words: readonly string[] }> = [
  {
    platform: "aliexpress",
    domains: ["aliexpress.com", "aliexpress.us", "aliexpress.ru", "alibaba.com", "alibaba-inc.com", "aliyun.com"],
    words: ["aliexpress", "速卖通", "алиэкспресс"],
  },
  {
    platform: "temu",
    domains: ["temu.com", "temuemail.com", "temu-email.com"],
    words: ["temu"],
  },
];

/**
 * Order number shapes per platform, tried before the generic labelled form. AliExpress order ids are
 * 15–19 digits; Temu's are "PO-" + 3 digits + "-" + a long digit run.
 */
export const ORDER_NUMBER_SHAPES: ReadonlyArray<{ platform: Platform; regex: RegExp }> = [
  { platform: "temu", regex: /(?<![\w-])PO-\d{3}-\d{8,20}(?![\w-])/u },
  {
    platform: "aliexpress",
    regex:
      /(?:order(?:\s{1,2}(?:id|no\.?|number))?|订单号?|bestellung|bestellnummer|commande|pedido|заказ[а-я]{0,2})\s{0,3}(?:#|№)?\s{0,2}[:：]?\s{0,3}(\d{15,19})(?!\d)/iu,
  },
];

/** "Order number: X" in the contract languages, for shops that are not a known marketplace. */
export const ORDER_LABEL =
  /(?:order\s{0,2}(?:id|no\.?|number|#)|bestellnummer|bestell-nr\.?|n°\s{0,2}de\s{1,2}commande|numéro\s{1,2}de\s{1,2}commande|número\s{1,2}de\s{1,2}pedido|n\.?\s{0,2}ordine|numero\s{1,2}d['’]ordine|ordernummer|bestelnummer|numer\s{1,2}zamówienia|номер\s{1,2}заказа|订单号|訂單號)\s{0,3}[:：#]?\s{0,3}#?([A-Z0-9][A-Z0-9-]{3,29})(?![A-Z0-9-])/iu;

export type EmailDateKind = "ordered" | "shipped" | "estimated_delivery" | "other";

/** Words on a line that say what its date is; the first kind whose word appears wins. */
export const DATE_LABELS: ReadonlyArray<{ kind: Exclude<EmailDateKind, "other">; words: readonly string[] }> = [
  {
    kind: "estimated_delivery",
    words: [
      "estimated delivery",
      "expected delivery",
      "delivery estimate",
      "arrives",
      "arriving",
      "arrival",
      "delivery by",
      "deliver by",
      "delivered by",
      "delivery:",
      "delivery time",
      "voraussichtliche zustellung",
      "zustellung",
      "livraison estimée",
      "livraison prévue",
      "entrega estimada",
      "entrega prevista",
      "previsão de entrega",
      "consegna prevista",
      "verwachte levering",
      "przewidywana dostawa",
      "ожидаемая доставка",
      "预计送达",
      "预计",
    ],
  },
  {
    kind: "shipped",
    words: [
      "shipped",
      "dispatched",
      "ship date",
      "shipping date",
      "versandt",
      "versanddatum",
      "expédié",
      "enviado",
      "spedito",
      "verzonden",
      "wysłano",
      "отправлен",
      "发货",
    ],
  },
  {
    kind: "ordered",
    words: [
      "order date",
      "ordered on",
      "order placed",
      "placed on",
      "bestelldatum",
      "bestellt am",
      "date de commande",
      "fecha del pedido",
      "data do pedido",
      "data dell'ordine",
      "besteldatum",
      "data zamówienia",
      "дата заказа",
      "下单时间",
      "订单日期",
    ],
  },
];
